package org.mandate.domain.request;

import java.time.Instant;

public record RequestApproved(RequestId requestId, Instant approvedAt) implements RequestClosed {
}
