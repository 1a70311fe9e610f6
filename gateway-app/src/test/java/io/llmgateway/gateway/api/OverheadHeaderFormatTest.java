package io.llmgateway.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class OverheadHeaderFormatTest {

    @Test
    void millisecondsWithThreeDecimals() {
        assertThat(OpenAiHandler.millis(0)).isEqualTo("0.000");
        assertThat(OpenAiHandler.millis(412_000)).isEqualTo("0.412");
        assertThat(OpenAiHandler.millis(5_000)).isEqualTo("0.005");
        assertThat(OpenAiHandler.millis(50_000)).isEqualTo("0.050");
        assertThat(OpenAiHandler.millis(1_999_600)).isEqualTo("2.000");
        assertThat(OpenAiHandler.millis(12_345_678_901L)).isEqualTo("12345.679");
    }

    @Property(tries = 500)
    void sameAsStringFormat(@ForAll @LongRange(min = 0, max = 3_600_000_000_000L) long nanos) {
        // rounding half-up on the microsecond, as String.format rounds HALF_UP on the decimal value
        long micros = (nanos + 500) / 1000;
        assertThat(OpenAiHandler.millis(nanos)).isEqualTo(String.format(Locale.ROOT, "%.3f", micros / 1000.0));
    }
}
