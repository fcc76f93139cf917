package org.mandate.domain.request;

import org.mandate.domain.Refusals;
import org.mandate.domain.binding.BoundPaths;
import org.mandate.domain.binding.PathBinding;

/**
 * The organisation chooses the path, not the requester: a submission goes on the path bound to its category and
 * amount. A requester who names a path anyway is refused unless it is that very path, so nobody can pick a path
 * with fewer checks, and nobody is silently put on a path other than the one they asked for.
 */
final class PathChoice {

    private PathChoice() {
    }

    static String pathFor(SubmitRequest command, BoundPaths paths) {
        PathBinding binding = paths.pathFor(command.category(), command.money().amount()).orElseThrow(() ->
                Refusals.invalid("request.pathChoice.noApprovalPathIsBound",
                        command.category(), command.money().amount().toPlainString()));
        String named = command.processKey();
        if (named != null && !named.isBlank() && !named.equals(binding.processKey())) {
            throw Refusals.invalid("request.pathChoice.requestersDoNotChooseThe",
                    command.category(), command.money().amount().toPlainString(), binding.processKey(), named);
        }
        return binding.processKey();
    }
}
