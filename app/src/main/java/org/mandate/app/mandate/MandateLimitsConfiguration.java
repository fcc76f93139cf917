package org.mandate.app.mandate;

import org.mandate.domain.mandate.MandateLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Period;
import java.time.format.DateTimeParseException;

/** The organisation's limit on how long a mandate may run, for the rules that grant mandates. */
@Configuration(proxyBeanMethods = false)
class MandateLimitsConfiguration {

    @Bean
    MandateLimits mandateLimits(@Value("${mandate.mandates.max-length:P1Y}") String maxLength) {
        try {
            return new MandateLimits(Period.parse(maxLength.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("mandate.mandates.max-length is an ISO-8601 period such as P1Y, P6M or "
                    + "P90D; '" + maxLength + "' is not one.", e);
        }
    }
}
