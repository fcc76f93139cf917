package org.mandate.domain.request;

import org.mandate.domain.RuleViolation;
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
        PathBinding binding = paths.pathFor(command.category(), command.amount()).orElseThrow(() ->
                RuleViolation.invalid("No approval path is bound to category '" + command.category() + "' for "
                        + command.amount().toPlainString() + ". Ask a process owner to bind one "
                        + "(Processes, Bindings)."));
        String named = command.processKey();
        if (named != null && !named.isBlank() && !named.equals(binding.processKey())) {
            throw RuleViolation.invalid("Requesters do not choose the approval path: requests in category '"
                    + command.category() + "' for " + command.amount().toPlainString() + " go on '"
                    + binding.processKey() + "', not '" + named + "'. Leave processKey out.");
        }
        return binding.processKey();
    }
}
