package org.mandate.processes.deployment;

/** One version of an approval path as the engine holds it. */
public record PathVersion(String key, int version, String engineDefinitionId, String name) {
}
