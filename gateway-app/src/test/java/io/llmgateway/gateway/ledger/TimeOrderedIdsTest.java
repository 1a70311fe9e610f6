package io.llmgateway.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void uuid7CarriesTheMillisecondsVersionAndVariant() {
        long ms = 1_795_000_000_123L;
        UUID id = TimeOrderedIds.uuid7(ms);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(ms);
        assertThat(id.toString()).startsWith(String.format("%08x-%04x-7", ms >>> 16, ms & 0xFFFF));
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsText() {
        long ms = 1_795_000_000_000L;
        String previousUuid = TimeOrderedIds.uuid7(ms).toString();
        String previousHex = TimeOrderedIds.hex96(ms);
        for (int step = 1; step < 5_000; step += 7) {
            String uuid = TimeOrderedIds.uuid7(ms + step).toString();
            String hex = TimeOrderedIds.hex96(ms + step);
            assertThat(uuid).isGreaterThan(previousUuid);
            assertThat(hex).isGreaterThan(previousHex);
            previousUuid = uuid;
            previousHex = hex;
        }
    }

    @Test
    void idsOfTheSameMillisecondAreDistinct() {
        Set<String> uuids = new HashSet<>();
        Set<String> hexes = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            uuids.add(TimeOrderedIds.uuid7(42L).toString());
            hexes.add(TimeOrderedIds.hex96(42L));
        }
        assertThat(uuids).hasSize(100_000);
        assertThat(hexes).hasSize(100_000);
    }

    @Test
    void hex96IsTwentyFourLowerCaseHexDigitsStartingWithTheTime() {
        String id = TimeOrderedIds.hex96(0x0123_4567_89ABL);
        assertThat(id).hasSize(24).matches("[0-9a-f]{24}").startsWith("0123456789ab");
    }
}
