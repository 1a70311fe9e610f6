package io.llmgateway.policy.rule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * A daily time window in a time zone; {@code from > to} wraps past midnight. {@code from} is inclusive,
 * {@code to} exclusive.
 *
 * @param fromMinute minute of the day the window opens
 * @param toMinute   minute of the day it closes
 * @param zone       the zone the times are in
 */
public record TimeWindow(int fromMinute, int toMinute, ZoneId zone) {

    public TimeWindow {
        Objects.requireNonNull(zone, "zone");
    }

    public boolean contains(long epochMillis) {
        ZoneRules rules = zone.getRules();
        long sec = Math.floorDiv(epochMillis, 1000L);
        int offset = rules.getOffset(Instant.ofEpochSecond(sec)).getTotalSeconds();
        int minute = (int) (Math.floorMod(sec + offset, 86_400L) / 60);
        return fromMinute <= toMinute
                ? minute >= fromMinute && minute < toMinute
                : minute >= fromMinute || minute < toMinute;
    }
}
