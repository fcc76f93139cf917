/** What auditors read: the trail and its exports, request replay, the ledger's digest and verification, past decisions. */
package org.mandate.app.audit;
