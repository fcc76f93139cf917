package org.mandate.processes.validation;

import java.time.Duration;

/**
 * Limits a deployable file must stay within: its size, and the shortest timer it may set (a faster timer would
 * turn the job executor into a load generator).
 */
public record ValidationLimits(int maxBytes, Duration minimumTimer) {

    public static ValidationLimits defaults() {
        return new ValidationLimits(512 * 1024, Duration.ofMinutes(5));
    }
}
