package org.mandate.app.mail;

/**
 * Whether mail is sent at all: on exactly when Spring Boot's {@code spring.mail.host} is set (which is also when
 * Spring Boot makes a mail sender). Read once, in {@link NotificationsConfiguration}, for everyone who shows or
 * queues mail.
 */
record MailSwitch(boolean on) {
}
