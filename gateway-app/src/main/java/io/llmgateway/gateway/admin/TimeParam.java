package io.llmgateway.gateway.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Time query parameters: an instant ({@code 2026-03-01T08:00:00Z}, offsets allowed) or a UTC date ({@code 2026-03-01}). */
final class TimeParam {

    private TimeParam() {
    }

    /** @param end a date as an end means the end of that day (exclusive: the next midnight) */
    static Instant parse(String text, boolean end) {
        String t = text.strip();
        try {
            if (t.length() == 10) {
                LocalDate d = LocalDate.parse(t);
                return (end ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cannot read time '" + (t.length() > 40 ? t.substring(0, 40) : t)
                    + "': use 2026-03-01 or 2026-03-01T08:00:00Z");
        }
    }
}
