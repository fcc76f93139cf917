package org.mandate.domain.request;

import org.mandate.domain.Personal;
import org.mandate.domain.directory.PersonId;

import java.time.Instant;
import java.util.List;

/**
 * A comment on a request. {@code mentions} are the people its {@code @name}s named who may read the request, in the
 * order first named; any other {@code @word} stays text only.
 */
public record RequestCommented(RequestId requestId, String commentId, PersonId by,
                               @Personal(subject = "by", request = "requestId") String text, List<PersonId> mentions,
                               Instant commentedAt) {

    public RequestCommented {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }
}
