package io.llmgateway.policy.sensitivity.custom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiteralPrefixTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "CUST-\\d{6}|CUST-",
        "ab+c|a",
        "abc?d|ab",
        "(?i)ticket|null",
        "[A-Z]{3}|null",
        "x|null",
        "ACME|ACME",
        "ord\\d+|ord"})
    void literalEveryMatchStartsWith(String regex, String prefix) {
        assertThat(LiteralPrefix.of(regex)).isEqualTo(prefix != null && prefix.length() >= 2 ? prefix : null);
    }
}
