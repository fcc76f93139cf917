/**
 * Faults told honestly: when the database cannot be reached every call answers 503 with Retry-After at once, an
 * outcome that cannot be known is said to be unknown, and health reports what the node can really do.
 */
package org.mandate.app.outage;
