package org.mandate.app.projection;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The event source of the projections nobody waits for after a command (application.yaml names it per processor). */
@Configuration(proxyBeanMethods = false)
class BackgroundProjectionsConfiguration {

    @Bean
    LingeringEventSource backgroundEvents(EventStore eventStore,
                                          @Value("${mandate.projections.linger:100ms}") Duration linger) {
        return new LingeringEventSource(eventStore, linger);
    }
}
