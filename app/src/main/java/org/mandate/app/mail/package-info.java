/**
 * Notifications: mail to the people a step, a decision or a mandate concerns, reminders before and after a step's
 * due time, daily digests, and signed single-use links to decide from the mail. See docs/notifications.md.
 */
package org.mandate.app.mail;
