package org.mandate.app.publishing;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * Publishing to RabbitMQ, on with {@code mandate.publishing.amqp.enabled=true}. The broker connection is Spring
 * Boot's ({@code spring.rabbitmq.*}); the exchange is declared by Mandate (RabbitAdmin declares it on every
 * (re)connection), durable, of type topic.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mandate.publishing.amqp.enabled", havingValue = "true")
class AmqpPublishingConfiguration {

    @Bean
    TopicExchange mandateEventsExchange(@Value("${mandate.publishing.amqp.exchange:mandate.events}") String name) {
        return new TopicExchange(name, true, false);
    }

    @Bean
    EventPublisher amqpEventPublisher(RabbitTemplate rabbit, TopicExchange mandateEventsExchange,
                                      @Value("${mandate.publishing.amqp.confirm-timeout:10s}") Duration timeout) {
        return new AmqpEventPublisher(rabbit, mandateEventsExchange.getName(), timeout);
    }

    @Bean
    PublishingStatus publishingStatus(MeterRegistry registry) {
        return new PublishingStatus(registry, Clock.systemUTC());
    }

    @Bean
    AmqpPublishing amqpPublishing(CloudEventMessages cloudEvents, EventPublisher amqpEventPublisher,
                                  PublishingStatus publishingStatus) {
        return new AmqpPublishing(cloudEvents, amqpEventPublisher, publishingStatus);
    }

    @Bean("publishing")
    PublishingHealthIndicator publishingHealthIndicator(PublishingStatus publishingStatus) {
        return new PublishingHealthIndicator(publishingStatus);
    }
}
