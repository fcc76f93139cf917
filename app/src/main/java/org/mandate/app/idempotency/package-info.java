/**
 * Idempotency-Key on POSTs: a client that lost the answer (a timeout, a crash) retries with the same key and
 * gets the original answer; the command is never applied twice.
 */
package org.mandate.app.idempotency;
