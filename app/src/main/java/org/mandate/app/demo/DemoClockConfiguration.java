package org.mandate.app.demo;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** With the demo on, the application's clock can tell the demo story in the past (see {@link ScriptClock}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mandate.demo", havingValue = "true")
class DemoClockConfiguration {

    @Bean
    static BeanPostProcessor scriptableClock() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof Clock clock && !(bean instanceof ScriptClock) ? new ScriptClock(clock) : bean;
            }
        };
    }
}
