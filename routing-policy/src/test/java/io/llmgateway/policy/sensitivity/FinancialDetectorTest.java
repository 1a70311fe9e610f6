package io.llmgateway.policy.sensitivity;

import static io.llmgateway.policy.sensitivity.Detections.expected;
import static io.llmgateway.policy.sensitivity.Detections.matches;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** True and false positives of the payment-data detectors. */
class FinancialDetectorTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("bank-card", "card 4111111111111111", "4111111111111111"),
                Arguments.of("bank-card", "卡号 4111 1111 1111 1111。", "4111 1111 1111 1111"),
                Arguments.of("bank-card", "dash 4012-8888-8888-1881", "4012-8888-8888-1881"),
                Arguments.of("bank-card", "amex 371449635398431", "371449635398431"),
                Arguments.of("bank-card", "unionpay 6212345678901232", "6212345678901232"),
                Arguments.of("bank-card", "mc2 2221000000000009", "2221000000000009"),
                Arguments.of("bank-card", "two 4111111111111111 和 5500000000000004",
                        "4111111111111111|5500000000000004"),
                Arguments.of("bank-card", "luhn fails 4111111111111112", ""),
                Arguments.of("bank-card", "no issuer 9111111111111119", ""),
                Arguments.of("bank-card", "visa length 411111111111116", ""),
                Arguments.of("bank-card", "编号A4111111111111111", ""),
                Arguments.of("bank-card", "产品编号ABC4111111111111111XYZ", ""),
                Arguments.of("bank-card", "订单号ORDER12345678901234", ""),
                Arguments.of("bank-card", "id 110101199001011237", ""),
                Arguments.of("bank-card", "pi 3.4111111111111111", ""),
                Arguments.of("iban", "DE89370400440532013000", "DE89370400440532013000"),
                Arguments.of("iban", "iban DE89 3704 0044 0532 0130 00 ok", "DE89 3704 0044 0532 0130 00"),
                Arguments.of("iban", "GB29 NWBK 6016 1331 9268 19", "GB29 NWBK 6016 1331 9268 19"),
                Arguments.of("iban", "VG96 VPVG 0000 0123 4567 8901 X in a sentence", "VG96 VPVG 0000 0123 4567 8901"),
                Arguments.of("iban", "check DE89 3704 0044 0532 0130 01", ""),
                Arguments.of("iban", "unknown country AB150120690000003111141", ""),
                Arguments.of("iban", "too long IL150120690000003111141X", ""),
                Arguments.of("iban", "lower de89370400440532013000", ""));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void findsExactlyTheExpectedMatches(String detector, String text, String expectedMatches) {
        assertThat(matches(detector, text)).containsExactlyElementsOf(expected(expectedMatches));
    }
}
