package org.mandate.domain.request;

import org.mandate.domain.directory.PersonId;

import java.time.Instant;

public record RequestWithdrawn(RequestId requestId, PersonId by, String reason, Instant withdrawnAt) {
}
