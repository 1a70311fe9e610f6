package io.llmgateway.adapter.error;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Reads how long an upstream asks us to wait: {@code retry-after-ms} (OpenAI), {@code retry-after}
 * as seconds or an HTTP date. Header names are lower-case. Values are capped at one hour.
 */
public final class RetryAfter {

    private static final Duration MAX = Duration.ofHours(1);

    private RetryAfter() {
    }

    public static Duration parse(Map<String, String> headers, java.time.Clock clock) {
        String ms = headers.get("retry-after-ms");
        if (ms != null) {
            try {
                return cap(Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.trim()))));
            } catch (NumberFormatException ignored) {
                // fall through to retry-after
            }
        }
        String v = headers.get("retry-after");
        if (v == null || v.isBlank()) {
            return null;
        }
        v = v.trim();
        try {
            return cap(Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(v) * 1000))));
        } catch (NumberFormatException ignored) {
            // maybe an HTTP date
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), when.toInstant());
            return cap(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static Duration parse(Map<String, String> headers) {
        return parse(headers, java.time.Clock.systemUTC());
    }

    private static Duration cap(Duration d) {
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
