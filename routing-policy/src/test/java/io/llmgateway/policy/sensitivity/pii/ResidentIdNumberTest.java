package io.llmgateway.policy.sensitivity.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

    @Test
    void knownNumbers() {
        assertThat(ResidentIdNumber.isValid("110101199001011237")).isTrue();
        assertThat(ResidentIdNumber.isValid("33050219880702447X")).isTrue();
        assertThat(ResidentIdNumber.isValid("350303900203307")).isTrue();
        assertThat(ResidentIdNumber.isValid("330502198807024471")).isFalse();
        assertThat(ResidentIdNumber.isValid("111111111111111111")).isFalse();
        assertThat(ResidentIdNumber.isValid("110101190002291234")).isFalse();
    }

    /** Property: a random body with its computed check char is valid; every other check char is not. */
    @RepeatedTest(500)
    void exactlyOneCheckCharFitsARandomBody() {
        Random random = new Random();
        int[] d = new int[18];
        int province = new int[] {11, 31, 44, 51, 65, 82}[random.nextInt(6)];
        d[0] = province / 10;
        d[1] = province % 10;
        for (int i = 2; i < 6; i++) {
            d[i] = random.nextInt(10);
        }
        int year = 1900 + random.nextInt(200);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        String date = String.format("%04d%02d%02d", year, month, day);
        for (int i = 0; i < 8; i++) {
            d[6 + i] = date.charAt(i) - '0';
        }
        for (int i = 14; i < 17; i++) {
            d[i] = random.nextInt(10);
        }
        int check = ResidentIdNumber.checkValue(d);
        for (int candidate = 0; candidate <= 10; candidate++) {
            d[17] = candidate;
            assertThat(ResidentIdNumber.isValid18(d)).as("check %d for %s", candidate, date).isEqualTo(candidate == check);
        }
    }
}
