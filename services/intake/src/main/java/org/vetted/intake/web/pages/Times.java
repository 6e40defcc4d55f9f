package org.vetted.intake.web.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Times as the pages show them: in the newsroom's zone ({@code vetted.pages.time-zone}), readable ("7 Dec 2026,
 * 14:05 CET"), and for lists relative ("3 hours ago"); each in a {@code <time datetime>} element that keeps the exact
 * instant for machines and assistive technology.
 */
@Component("times")
public class Times {
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm zzz", Locale.UK);

    private final ZoneId zone;
    private final Clock clock;

    Times(@Value("${vetted.pages.time-zone:UTC}") String zone, Clock clock) {
        this.zone = ZoneId.of(zone);
        this.clock = clock;
    }

    /** The instant for the {@code datetime} attribute: ISO 8601 in UTC, to the second. */
    public String iso(Instant at) {
        return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public String local(Instant at) {
        return at == null ? "" : READABLE.format(at.atZone(zone));
    }

    /** "just now", "5 minutes ago", "3 hours ago", "yesterday", then the date. */
    public String relative(Instant at) {
        if (at == null) {
            return "";
        }
        Duration ago = Duration.between(at, clock.instant());
        if (ago.isNegative() || ago.toMinutes() < 1) {
            return "just now";
        }
        if (ago.toHours() < 1) {
            return plural(ago.toMinutes(), "minute") + " ago";
        }
        if (ago.toDays() < 1) {
            return plural(ago.toHours(), "hour") + " ago";
        }
        if (ago.toDays() < 2) {
            return "yesterday";
        }
        if (ago.toDays() < 7) {
            return ago.toDays() + " days ago";
        }
        return DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK).format(at.atZone(zone));
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
