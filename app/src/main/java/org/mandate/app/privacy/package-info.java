/**
 * Personal data in the event store (crypto-shredding): per-person keys, the encrypted fields of events, erasure
 * with four eyes and subject access. See docs/privacy.md and docs/adr/0016-erasure.md.
 */
package org.mandate.app.privacy;
