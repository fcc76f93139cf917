package org.mandate.app.publishing;

/**
 * A broker binding. {@link #publish} returns only once the broker has taken responsibility for the message (for
 * RabbitMQ: a publisher confirm) and throws otherwise, so the tracking processor keeps its position and tries the
 * event again. A Kafka binding would implement this with the subject as record key (per-aggregate order).
 */
public interface EventPublisher {

    /** The binding's name in metrics and logs, e.g. {@code amqp}. */
    String binding();

    void publish(OutgoingEvent event);
}
