package org.mandate.domain.request;

import java.time.Instant;

public record RequestRejected(RequestId requestId, Instant rejectedAt) implements RequestClosed {
}
