/**
 * Events out: every domain event as a CloudEvents 1.0 JSON message, published from the event store by a tracking
 * processor (the store is the outbox). See docs/events-out.md and docs/adr/0009-publishing-from-the-event-store.md.
 */
package org.mandate.app.publishing;
