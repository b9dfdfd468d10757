package org.criu.status.core.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times in reports: UTC, to the minute, one way everywhere ("2026-11-26 12:00 UTC"). */
final class UtcTime {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private UtcTime() {
    }

    static String minutes(Instant instant) {
        return MINUTES.format(instant);
    }
}
