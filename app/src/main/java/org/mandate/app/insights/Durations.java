package org.mandate.app.insights;

import org.mandate.app.web.voice.Messages;
import org.springframework.stereotype.Component;

/** Seconds as a person reads them on the insights page: "2 d 3 h", "5 h 10 min", "12 min". */
@Component("durations")
public class Durations {

    public String text(Long seconds) {
        if (seconds == null) {
            return "—";
        }
        long minutes = seconds / 60;
        long hours = minutes / 60;
        long days = hours / 24;
        if (days > 0) {
            return hours % 24 == 0 ? Messages.of("duration.days", days)
                    : Messages.of("duration.daysHours", days, hours % 24);
        }
        if (hours > 0) {
            return minutes % 60 == 0 ? Messages.of("duration.hours", hours)
                    : Messages.of("duration.hoursMinutes", hours, minutes % 60);
        }
        return minutes > 0 ? Messages.of("duration.minutes", minutes) : Messages.of("duration.seconds", seconds);
    }
}
