/** Checks that the engine and the event store agree on every request, and lists each place where they do not. */
package org.mandate.app.reconcile;
