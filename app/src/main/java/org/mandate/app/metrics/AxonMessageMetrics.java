package org.mandate.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.MessageMonitorFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Axon's message metrics, registered here instead of by Axon's auto-configuration (switched off in
 * application.yaml): the same meters, {@code eventProcessor_*} per processor and payload type with each processor's
 * latency, and {@code commandBus_*} per payload type (looked up once per payload type, see {@link MessageMeters}),
 * but without Axon's capacity monitor. That monitor keeps one entry per handled message in a sliding time window:
 * rebuilding the audit trail and inbox from 4.2M events on PostgreSQL filled a 6 GB heap after 2.4M of them (the
 * benchmark's full mode), and a rebuild of 640k events left 1.6M entries (3.2M boxed longs) on the heap; without it
 * the same rebuild leaves none and runs a quarter faster.
 */
@Configuration(proxyBeanMethods = false)
class AxonMessageMetrics {

    private static final String EVENT_PROCESSOR = "eventProcessor";
    private static final String COMMAND_BUS = "commandBus";

    @Bean
    ConfigurerModule axonMessageMonitors(MeterRegistry registry) {
        return configurer -> {
            MessageMonitorFactory processors = (configuration, type, name) -> {
                Tags processor = Tags.of(TagsUtil.PROCESSOR_NAME_TAG, name);
                return asMessageMonitor(new MultiMessageMonitor<EventMessage<?>>(
                        new MessageMeters(EVENT_PROCESSOR, registry, processor), latency(registry, processor)));
            };
            configurer.configureMessageMonitor(TrackingEventProcessor.class, processors);
            configurer.configureMessageMonitor(SubscribingEventProcessor.class, processors);
            configurer.configureMessageMonitor(CommandBus.class,
                    (configuration, type, name) -> new MessageMeters(COMMAND_BUS, registry, Tags.empty()));
        };
    }

    /**
     * As Axon's {@code EventProcessorLatencyMonitor}: how old the processor's latest event was when it took it, in
     * milliseconds; the gauge is registered once, not for every event as Axon's monitor does.
     */
    private static MessageMonitor<EventMessage<?>> latency(MeterRegistry registry, Tags processor) {
        AtomicLong latency = new AtomicLong();
        Gauge.builder(EVENT_PROCESSOR + ".latency", latency::get).tags(processor).register(registry);
        return event -> {
            latency.set(registry.config().clock().wallTime() - event.getTimestamp().toEpochMilli());
            return NoOpMessageMonitorCallback.INSTANCE;
        };
    }

    /** A processor's monitor only ever sees events; the factory's type is the general one (Axon casts alike). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MessageMonitor<Message<?>> asMessageMonitor(MessageMonitor<?> monitor) {
        return (MessageMonitor) monitor;
    }
}
