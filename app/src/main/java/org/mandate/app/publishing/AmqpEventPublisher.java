package org.mandate.app.publishing;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes to a topic exchange and waits for the broker's publisher confirm before the next event: one event at a
 * time keeps the per-aggregate order even across a reconnect, and a confirm means the broker has routed (and, for
 * durable queues, stored) the message. An unroutable message (no queue bound to its key) is confirmed and dropped
 * by the broker; that is the consumers' choice of bindings, not a failure.
 */
class AmqpEventPublisher implements EventPublisher {

    private final RabbitTemplate rabbit;
    private final String exchange;
    private final Duration confirmTimeout;

    AmqpEventPublisher(RabbitTemplate rabbit, String exchange, Duration confirmTimeout) {
        this.rabbit = rabbit;
        this.exchange = exchange;
        this.confirmTimeout = confirmTimeout;
    }

    @Override
    public String binding() {
        return "amqp";
    }

    @Override
    public void publish(OutgoingEvent event) {
        Message message = MessageBuilder.withBody(event.json())
                .setContentType(OutgoingEvent.CONTENT_TYPE)
                .setMessageId(event.id())
                .setType(event.type())
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .build();
        CorrelationData correlation = new CorrelationData(event.id());
        try {
            rabbit.send(exchange, event.routingKey(), message, correlation);
            CorrelationData.Confirm confirm = correlation.getFuture().get(confirmTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            if (!confirm.isAck()) {
                throw new PublishingFailed("the broker refused event " + event.id() + ": " + confirm.getReason());
            }
        } catch (AmqpException | ExecutionException broker) {
            throw new PublishingFailed("could not publish event " + event.id() + " to exchange '" + exchange
                    + "': " + broker.getMessage(), broker);
        } catch (TimeoutException noConfirm) {
            throw new PublishingFailed("no publisher confirm for event " + event.id() + " within " + confirmTimeout
                    + " (is spring.rabbitmq.publisher-confirm-type=correlated?)", noConfirm);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new PublishingFailed("interrupted while waiting for the confirm of event " + event.id(), stopping);
        }
    }
}
