package org.mandate.app.mail;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeQueueTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aDigestComesAtTheChosenHourTodayIfItIsStillAheadElseTomorrow() {
        Instant morning = Instant.parse("2026-12-05T06:30:00Z"); // 07:30 in Berlin
        assertThat(NoticeQueue.nextDigest(morning, 8, BERLIN)).isEqualTo(Instant.parse("2026-12-05T07:00:00Z"));
        assertThat(NoticeQueue.nextDigest(morning, 7, BERLIN)).isEqualTo(Instant.parse("2026-12-06T06:00:00Z"));
        assertThat(NoticeQueue.nextDigest(Instant.parse("2026-12-05T07:00:00Z"), 8, BERLIN))
                .as("exactly at the hour: the next day's").isEqualTo(Instant.parse("2026-12-06T07:00:00Z"));
    }

    @Test
    void theHourIsTheOrganisationsLocalHourAcrossAClockChange() {
        // the clocks go forward on 29 March 2026 in Berlin: 08:00 local is 06:00 UTC from then on, 07:00 before
        assertThat(NoticeQueue.nextDigest(Instant.parse("2026-03-28T12:00:00Z"), 8, BERLIN))
                .isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
        assertThat(NoticeQueue.nextDigest(Instant.parse("2026-03-28T12:00:00Z"), 2, BERLIN))
                .as("02:00 does not exist that night: the hour after the gap")
                .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }
}
