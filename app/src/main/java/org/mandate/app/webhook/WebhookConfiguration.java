package org.mandate.app.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.app.publishing.CloudEventMessages;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/** Webhooks are always on: with no subscription registered they send nothing. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfiguration {

    @Bean
    OutgoingUrlGuard outgoingUrlGuard(WebhookSettings settings) {
        return new OutgoingUrlGuard(settings.requireHttps(), settings.allowPrivateAddresses());
    }

    @Bean
    WebhookSubscriptions webhookSubscriptions(JdbcTemplate jdbc) {
        return new WebhookSubscriptions(jdbc);
    }

    @Bean
    WebhookDeliveries webhookDeliveries(JdbcTemplate jdbc) {
        return new WebhookDeliveries(jdbc);
    }

    @Bean
    WebhookOutbox webhookOutbox(CloudEventMessages cloudEvents, WebhookSubscriptions subscriptions,
                                WebhookDeliveries deliveries) {
        return new WebhookOutbox(cloudEvents, subscriptions, deliveries);
    }

    @Bean
    WebhookMetrics webhookMetrics(MeterRegistry registry, WebhookDeliveries deliveries) {
        return new WebhookMetrics(registry, deliveries);
    }

    @Bean
    WebhookAdmin webhookAdmin(CommandGateway commands, WebhookSubscriptions subscriptions,
                              WebhookDeliveries deliveries, OutgoingUrlGuard guard,
                              PlatformTransactionManager transactions) {
        return new WebhookAdmin(commands, subscriptions, deliveries, guard, transactions);
    }

    /** Real time, not the demo's scripted clock: retries wait for real. */
    @Bean
    WebhookDispatcher webhookDispatcher(WebhookDeliveries deliveries, WebhookSettings settings,
                                        OutgoingUrlGuard guard, WebhookMetrics metrics) {
        return new WebhookDispatcher(deliveries, settings, guard, Clock.systemUTC(), metrics);
    }
}
