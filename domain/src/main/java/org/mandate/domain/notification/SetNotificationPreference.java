package org.mandate.domain.notification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/** {@code digestHour} (0-23, in the organisation's time zone) is needed for, and only kept with, a daily digest. */
public record SetNotificationPreference(@TargetAggregateIdentifier PersonId personId, NoticeKind kind,
                                        Delivery delivery, Integer digestHour) {
}
