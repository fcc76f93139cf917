package org.mandate.domain.process;

import org.mandate.domain.RuleViolation;

import java.util.regex.Pattern;

/** What a recorded deployment must carry to be traceable: a usable key, a version, the engine's id, the file's hash. */
final class DeploymentPolicy {

    /** Process keys become ids in URLs and BPMN; keep them to plain, short names. */
    static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    private DeploymentPolicy() {
    }

    static void check(DeployProcess command) {
        if (command.processKey() == null || !KEY.matcher(command.processKey()).matches()) {
            throw RuleViolation.invalid("'" + command.processKey() + "' is not a usable process key: start with a "
                    + "letter and use at most 64 letters, digits, '-' or '_'.");
        }
        if (command.version() < 1) {
            throw RuleViolation.invalid("Versions start at 1; " + command.version() + " is not a version.");
        }
        if (command.engineDefinitionId() == null || command.engineDefinitionId().isBlank()) {
            throw RuleViolation.invalid("A deployment must name the engine definition it created.");
        }
        if (command.checksum() == null || !SHA_256.matcher(command.checksum()).matches()) {
            throw RuleViolation.invalid("A deployment must carry the SHA-256 of its BPMN file as 64 hex digits.");
        }
    }
}
