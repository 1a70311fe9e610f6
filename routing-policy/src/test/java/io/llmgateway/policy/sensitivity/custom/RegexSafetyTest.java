package io.llmgateway.policy.sensitivity.custom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegexSafetyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CUST-\\d{6}|true",
        "(?i)project[- ]falcon|true",
        "(ab)+|true",
        "[(a+)+]|true",
        "(\\d{3}-){2}\\d{4}|true",
        "(a+)+|false",
        "(\\w*\\s?)*$|false",
        "((ab)*c)+|false",
        "(x{2,})+|false",
        "(a)\\1|false"})
    void acceptsLinearPatternsAndRejectsNestedQuantifiers(String regex, boolean safe) {
        assertThat(RegexSafety.problem(regex) == null).isEqualTo(safe);
    }
}
