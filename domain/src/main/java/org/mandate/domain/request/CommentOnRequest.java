package org.mandate.domain.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/**
 * Someone taking part in a request adds a comment to it; {@code commentId} is chosen by the caller (a UUID), so the
 * answer can point at the comment it made. {@code @name} in the text mentions a person of the directory.
 */
public record CommentOnRequest(@TargetAggregateIdentifier RequestId requestId, String commentId, PersonId by,
                               String text) {
}
