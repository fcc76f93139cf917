package org.mandate.app.insights;

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
            return days + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
        }
        if (hours > 0) {
            return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        return minutes > 0 ? minutes + " min" : seconds + " s";
    }
}
