package org.mandate.app;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A refused call: the status, a problem+json with a detail to act on, and no event left behind. */
public final class Refusal {

    private Refusal() {
    }

    public static Api.Response refused(LongSupplier eventCount, Supplier<Api.Response> call, int status) {
        long before = eventCount.getAsLong();
        Api.Response response = call.get();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.detail()).isNotBlank();
        assertThat(eventCount.getAsLong()).as("events after a refusal").isEqualTo(before);
        return response;
    }
}
