package io.llmgateway.gateway.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketIdTest {

    @Test
    void ticketIdsAreDistinctHexOfOneProcessPrefix() {
        Set<String> seen = new HashSet<>();
        String first = AdmissionService.ticketId();
        for (int i = 0; i < 100_000; i++) {
            String id = AdmissionService.ticketId();
            assertThat(id).matches("[0-9a-f]{24}").startsWith(first.substring(0, 12));
            assertThat(seen.add(id)).as("ticket %s issued twice", id).isTrue();
        }
        assertThat(seen).doesNotContain(first);
    }
}
