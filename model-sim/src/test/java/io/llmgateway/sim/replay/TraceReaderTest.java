package io.llmgateway.sim.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Azure CSV and Mooncake JSONL traces: parsing, ordering, errors with the line, --limit and --time-scale. */
class TraceReaderTest {

    static Trace csv(String... lines) {
        return TraceReader.parse("t.csv", true, false, List.of(lines));
    }

    @Test
    void readsTheAzureCsvByHeaderNameAndSortsByArrival() {
        Trace t = csv("TIMESTAMP,ContextTokens,GeneratedTokens",
                "2023-11-16 18:17:04.0319600,3180,8",
                "2023-11-16 18:17:03.9799600,4808,10",
                "2023-11-16 18:17:05,110,27",
                "");
        assertThat(t.requests()).extracting(TraceRequest::promptTokens).containsExactly(4808, 3180, 110);
        assertThat(t.requests().get(0).arrivalMs()).isZero();
        assertThat(t.requests().get(1).arrivalMs()).isCloseTo(52.0, within(1e-9));
        assertThat(t.requests().get(2).arrivalMs()).isCloseTo(1020.04, within(1e-9));
        assertThat(t.requests().get(0).epochMillis()).isEqualTo(Instant.parse("2023-11-16T18:17:03.979Z").toEpochMilli());
        assertThat(t.requests()).extracting(TraceRequest::index).containsExactly(0, 1, 2);
        assertThat(csv("GeneratedTokens,TIMESTAMP,ContextTokens", "5,2023-11-16 18:17:05,7").requests().get(0).outputTokens())
                .isEqualTo(5);
    }

    @Test
    void badCsvLinesAreReportedWithTheirLine() {
        assertThatThrownBy(() -> csv("TIMESTAMP,Context,GeneratedTokens")).hasMessageContaining("t.csv:1: no column 'ContextTokens'");
        assertThatThrownBy(() -> csv("TIMESTAMP,ContextTokens,GeneratedTokens", "2023-11-16 18:17:05,1,1", "yesterday,1,1"))
                .hasMessageContaining("t.csv:3: TIMESTAMP");
        assertThatThrownBy(() -> csv("TIMESTAMP,ContextTokens,GeneratedTokens", "2023-11-16 18:17:05,0,1"))
                .hasMessageContaining("t.csv:2: ContextTokens: expected a whole number >= 1, got '0'");
        assertThatThrownBy(() -> csv("TIMESTAMP,ContextTokens,GeneratedTokens")).hasMessageContaining("no requests");
        assertThatThrownBy(() -> TraceReader.parse("t.txt", false, false, List.of("x"))).hasMessageContaining("unknown trace format");
    }

    @Test
    void readsMooncakeJsonl() {
        Trace t = TraceReader.parse("m.jsonl", false, true, List.of(
                "{\"timestamp\": 3000, \"input_length\": 6472, \"output_length\": 26, \"hash_ids\": [46, 47]}",
                "{\"timestamp\": 0, \"input_length\": 6758, \"output_length\": 500, \"hash_ids\": [0]}"));
        assertThat(t.requests()).extracting(TraceRequest::outputTokens).containsExactly(500, 26);
        assertThat(t.requests().get(1).arrivalMs()).isEqualTo(3000.0);
        assertThat(t.requests().get(0).epochMillis()).isEqualTo(MooncakeJsonlTrace.START.toEpochMilli());
        assertThatThrownBy(() -> TraceReader.parse("m.jsonl", false, true, List.of("{\"timestamp\": 1}")))
                .hasMessageContaining("m.jsonl:1: input_length: expected a whole number >= 1, got nothing");
        assertThatThrownBy(() -> TraceReader.parse("m.jsonl", false, true, List.of("{oops")))
                .hasMessageContaining("m.jsonl:1: not a JSON object");
    }

    @Test
    void limitAndTimeScaleShapeTheReplay() {
        Trace t = ReplayFixtures.trace(10, 1000, 5, 5);
        assertThat(t.first(3).requests()).hasSize(3);
        assertThat(t.first(50)).isSameAs(t);
        Trace fast = t.timeScaled(4);
        assertThat(fast.spanMs()).isCloseTo(9000 / 4.0, within(1e-9));
        assertThat(fast.requests().get(9).epochMillis() - fast.requests().get(0).epochMillis()).isEqualTo(2250);
        assertThatThrownBy(() -> t.timeScaled(0)).hasMessageContaining("time scale must be a finite number > 0");
        assertThatThrownBy(() -> t.first(0)).hasMessageContaining("limit must be >= 1");
    }
}
