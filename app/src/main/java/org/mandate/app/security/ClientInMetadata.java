package org.mandate.app.security;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Every command a system client causes carries its client id in the metadata ({@code client}), and every event the
 * command records copies it: the audit trail can tell a purchasing system's submission from the person's own.
 */
@Configuration(proxyBeanMethods = false)
class ClientInMetadata {

    static final String CLIENT = "client";

    /** Registered once Axon is configured: the command bus itself needs the correlation providers first. */
    @Bean
    static ConfigurerModule clientMarker() {
        return configurer -> configurer.onInitialize(config -> config.onStart(() ->
                config.commandBus().registerDispatchInterceptor(new Marker())));
    }

    @Bean
    static CorrelationDataProvider clientProvider() {
        return new SimpleCorrelationDataProvider(CLIENT);
    }

    private static final class Marker implements MessageDispatchInterceptor<CommandMessage<?>> {

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                List<? extends CommandMessage<?>> messages) {
            return (index, command) -> SecurityContextHolder.getContext().getAuthentication()
                    instanceof SystemClientToken client ? command.andMetaData(Map.of(CLIENT, client.clientId()))
                    : command;
        }
    }
}
