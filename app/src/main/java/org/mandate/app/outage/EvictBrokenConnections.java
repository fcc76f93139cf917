package org.mandate.app.outage;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;

/**
 * Tells the connection pool to throw away a connection whose database is gone. Hikari already does so for the
 * connection errors it knows (SQL state class 08); H2's "database closed" after a failed write is not among them, so
 * the pool kept handing out dead connections after a full disk, and nothing worked again until a restart. Evicted,
 * the next connection opens the database file again once it can be written.
 */
public class EvictBrokenConnections implements SQLExceptionOverride {

    // no @Override annotation: the interface's nested enum Override shadows java.lang.Override here
    public Override adjudicate(SQLException failure) {
        return Faults.databaseUnreachable(failure) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
