package org.mandate.domain.notification;

/** How notices of one kind reach a person. */
public enum Delivery {
    AT_ONCE, DAILY_DIGEST, OFF
}
