/** What auditors read: the trail and its exports, request replay, the ledger's digest and verification. */
package org.mandate.app.audit;
