package org.mandate.processes.deployment;

/** The version a deployment created; new requests on {@code key} start on it from now on. */
public record DeployedVersion(String key, int version, String engineDefinitionId, String name) {
}
