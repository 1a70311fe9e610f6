package io.llmgateway.policy.sensitivity.financial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class LuhnTest {

    @Test
    void knownNumbers() {
        assertThat(Luhn.isValid(digits("79927398713"), 11)).isTrue();
        assertThat(Luhn.isValid(digits("79927398710"), 11)).isFalse();
        assertThat(Luhn.isValid(digits("4111111111111111"), 16)).isTrue();
    }

    /** Property: the computed check digit validates, and changing any one digit breaks the check. */
    @RepeatedTest(500)
    void checkDigitValidatesAndCatchesSingleDigitErrors() {
        Random random = new Random();
        int n = 12 + random.nextInt(8);
        int[] d = new int[n];
        for (int i = 0; i < n - 1; i++) {
            d[i] = random.nextInt(10);
        }
        d[n - 1] = Luhn.checkDigit(d, n - 1);
        assertThat(Luhn.isValid(d, n)).isTrue();
        int position = random.nextInt(n);
        int original = d[position];
        d[position] = (original + 1 + random.nextInt(9)) % 10;
        assertThat(Luhn.isValid(d, n)).isFalse();
    }

    private static int[] digits(String s) {
        return s.chars().map(c -> c - '0').toArray();
    }
}
