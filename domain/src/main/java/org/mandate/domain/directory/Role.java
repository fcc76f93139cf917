package org.mandate.domain.directory;

/** What a person may do beyond deciding their own steps. Every person is staff. */
public enum Role {
    /** Does the finance check on large requests. */
    FINANCE,
    /** Reads the whole audit trail. */
    AUDITOR,
    /** Edits and deploys approval paths. */
    PROCESS_OWNER,
    /** Rebuilds projections and records departures. */
    ADMIN
}
