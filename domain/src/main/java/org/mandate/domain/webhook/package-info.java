/** Webhook subscriptions: which URL receives which events, recorded as events like every other change. */
package org.mandate.domain.webhook;
