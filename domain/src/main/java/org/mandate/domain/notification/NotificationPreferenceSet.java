package org.mandate.domain.notification;

import org.mandate.domain.directory.PersonId;

/** From now on, notices of this kind reach the person this way; {@code digestHour} is null unless a digest. */
public record NotificationPreferenceSet(PersonId personId, NoticeKind kind, Delivery delivery, Integer digestHour) {
}
