package org.mandate.app.projection;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.mandate.projections.inbox.InboxProjection;
import org.mandate.projections.request.RequestViewProjection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.function.SingletonSupplier;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The inline read models (inbox, request view) run in subscribing processors (application.yaml): their handlers
 * write in the transaction of the command whose events they handle. Each passes the rebuild gate first, once per
 * transaction and only for an event it handles, so a command that touches neither (a mandate, a new person) never
 * waits for their rebuild.
 */
@Configuration(proxyBeanMethods = false)
class InlineProjectionsConfiguration {

    @Bean
    InlineGate inlineGate(JdbcTemplate jdbc, @Value("${mandate.projections.gate-wait:30s}") Duration wait) {
        return InlineGate.of(jdbc, wait);
    }

    /** The gate is looked up at first use: Axon reads its modules before the database is asked anything. */
    @Bean
    ConfigurerModule gateInlineProjections(ObjectProvider<InlineGate> gates, InboxProjection inbox,
                                           RequestViewProjection requests) {
        Supplier<InlineGate> gate = SingletonSupplier.of(gates::getObject);
        return configurer -> configurer.eventProcessing()
                .registerHandlerInterceptor(InboxProjection.NAME, config -> gated(gate, inbox))
                .registerHandlerInterceptor(RequestViewProjection.NAME, config -> gated(gate, requests));
    }

    private static MessageHandlerInterceptor<EventMessage<?>> gated(Supplier<InlineGate> gate, Object projection) {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        return (unitOfWork, chain) -> {
            if (handlers.canHandle(unitOfWork.getMessage())) {
                gate.get().pass();
            }
            return chain.proceed();
        };
    }
}
