package org.mandate.domain.request;

import org.mandate.domain.Personal;
import org.mandate.domain.directory.PersonId;

import java.time.Instant;

public record RequestWithdrawn(RequestId requestId, PersonId by,
                               @Personal(subject = "by", request = "requestId") String reason, Instant withdrawnAt)
        implements RequestClosed {
}
