package org.mandate.domain.process;

import org.mandate.domain.Refusals;

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
            throw Refusals.invalid("process.deploymentPolicy.isNotAUsableProcess", command.processKey());
        }
        if (command.version() < 1) {
            throw Refusals.invalid("process.deploymentPolicy.versionsStartAt1Is", command.version());
        }
        if (command.engineDefinitionId() == null || command.engineDefinitionId().isBlank()) {
            throw Refusals.invalid("process.deploymentPolicy.aDeploymentMustNameThe");
        }
        if (command.checksum() == null || !SHA_256.matcher(command.checksum()).matches()) {
            throw Refusals.invalid("process.deploymentPolicy.aDeploymentMustCarryThe");
        }
    }
}
