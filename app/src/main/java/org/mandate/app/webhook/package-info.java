/**
 * Webhooks: admins register subscriber URLs; each matching event is posted as the same CloudEvent the broker gets,
 * signed Standard Webhooks style, retried with backoff, then parked. See docs/events-out.md.
 */
package org.mandate.app.webhook;
