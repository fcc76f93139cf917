package org.mandate.app.publishing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

/**
 * The tracking processor that publishes every domain event to the broker, in the event store's order, in one
 * segment. A failure propagates (see EventStoreConfiguration): the batch and its token roll back, the processor
 * pauses (1 s, doubling up to a minute) and starts again from the same event. Events of the rolled-back batch that
 * had already been confirmed are published again: at least once, never lost. Never replayed: a projection rebuild
 * must not send history to consumers a second time.
 */
@ProcessingGroup(AmqpPublishing.NAME)
@DisallowReplay
class AmqpPublishing {

    static final String NAME = "amqp-publishing";

    private final CloudEventMessages cloudEvents;
    private final EventPublisher publisher;
    private final PublishingStatus status;

    AmqpPublishing(CloudEventMessages cloudEvents, EventPublisher publisher, PublishingStatus status) {
        this.cloudEvents = cloudEvents;
        this.publisher = publisher;
        this.status = status;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        cloudEvents.of(message).ifPresent(event -> {
            try {
                publisher.publish(event);
                status.published(publisher.binding());
            } catch (RuntimeException failure) {
                status.failed(publisher.binding(), failure);
                throw failure;
            }
        });
    }
}
