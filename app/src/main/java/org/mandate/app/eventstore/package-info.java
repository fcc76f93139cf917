/** How Axon stores events and tokens: JDBC, in the application's one database and transaction. */
package org.mandate.app.eventstore;
