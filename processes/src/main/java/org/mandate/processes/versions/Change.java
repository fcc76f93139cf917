package org.mandate.processes.versions;

/** One element that differs between two versions. */
public record Change(String elementId, Kind kind, String description) {

    public enum Kind { ADDED, REMOVED, CHANGED }
}
