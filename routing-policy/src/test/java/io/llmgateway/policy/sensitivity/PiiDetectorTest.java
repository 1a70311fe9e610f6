package io.llmgateway.policy.sensitivity;

import static io.llmgateway.policy.sensitivity.Detections.expected;
import static io.llmgateway.policy.sensitivity.Detections.matches;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** True and false positives of the personal-data detectors; an empty expectation is a false-positive case. */
class PiiDetectorTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // cn-id: 18 digits with GB 11643 check char, 15-digit legacy, grouped forms
                Arguments.of("cn-id", "身份证号110101199001011237。", "110101199001011237"),
                Arguments.of("cn-id", "ID: 33050219880702447X, next", "33050219880702447X"),
                Arguments.of("cn-id", "id 33050219880702447x", "33050219880702447x"),
                Arguments.of("cn-id", "证件 1101 0119 9001 0112 37 ok", "1101 0119 9001 0112 37"),
                Arguments.of("cn-id", "证件 110101-19900101-1237", "110101-19900101-1237"),
                Arguments.of("cn-id", "老证 350303900203307", "350303900203307"),
                Arguments.of("cn-id", "两个110101199001011237和110101199003077475",
                        "110101199001011237|110101199003077475"),
                Arguments.of("cn-id", "wrong check 110101199001011238", ""),
                Arguments.of("cn-id", "bad date 110101199002301234", ""),
                Arguments.of("cn-id", "bad region 990101199001011237", ""),
                Arguments.of("cn-id", "glued A110101199001011237", ""),
                Arguments.of("cn-id", "longer 1101011990010112370", ""),
                Arguments.of("cn-id", "decimal 3.110101199001011237", ""),
                Arguments.of("cn-id", "order no 202401011234567890", ""),
                // cn-mobile
                Arguments.of("cn-mobile", "我的手机号是13812345678", "13812345678"),
                Arguments.of("cn-mobile", "call +8613812345678 now", "+8613812345678"),
                Arguments.of("cn-mobile", "call +86 138-1234-5678", "+86 138-1234-5678"),
                Arguments.of("cn-mobile", "0086 13812345678", "0086 13812345678"),
                Arguments.of("cn-mobile", "tel 138 1234 5678.", "138 1234 5678"),
                Arguments.of("cn-mobile", "trunk 015011111111", "015011111111"),
                Arguments.of("cn-mobile", "数字12345678901不是手机号", ""),
                Arguments.of("cn-mobile", "too long 138123456789", ""),
                Arguments.of("cn-mobile", "ts 1700000000000", ""),
                Arguments.of("cn-mobile", "version 13812345678.5", ""),
                // cn-landline
                Arguments.of("cn-landline", "座机 010-62345678", "010-62345678"),
                Arguments.of("cn-landline", "电话 0755-86013388-123 转", "0755-86013388-123"),
                Arguments.of("cn-landline", "电话 (021) 62345678", "(021) 62345678"),
                Arguments.of("cn-landline", "电话 +86 10 62345678", "+86 10 62345678"),
                Arguments.of("cn-landline", "电话 02062345678", "02062345678"),
                Arguments.of("cn-landline", "bare 62345678", ""),
                Arguments.of("cn-landline", "date 2023-11-15", ""),
                Arguments.of("cn-landline", "local starts with 1: 010-12345678", ""),
                // cn-uscc
                Arguments.of("cn-uscc", "统一社会信用代码91310000552936878J", "91310000552936878J"),
                Arguments.of("cn-uscc", "code 91350100M000100Y43.", "91350100M000100Y43"),
                Arguments.of("cn-uscc", "check wrong 91310000552936878K", ""),
                Arguments.of("cn-uscc", "resident id 110101199001011237", ""),
                Arguments.of("cn-uscc", "random ABCDEFGHJKLMNPQRTU", ""),
                // passport: needs the document named nearby
                Arguments.of("passport", "护照号E12345678", "E12345678"),
                Arguments.of("passport", "港澳通行证C12345678", "C12345678"),
                Arguments.of("passport", "Passport No.: EA1234567", "EA1234567"),
                Arguments.of("passport", "part number E12345678", ""),
                Arguments.of("passport", "护照 ABC12345678", ""),
                // email
                Arguments.of("email", "邮箱test@example.com", "test@example.com"),
                Arguments.of("email", "mail first.last+tag@sub.example.co.uk.", "first.last+tag@sub.example.co.uk"),
                Arguments.of("email", "idn user@xn--80ak6aa92e.com", "user@xn--80ak6aa92e.com"),
                Arguments.of("email", "两个邮箱test@qq.com和test@163.com", "test@qq.com|test@163.com"),
                Arguments.of("email", "no tld info@presidio.", ""),
                Arguments.of("email", "retina icon@2x.png", ""),
                Arguments.of("email", "double a@b@example.com", ""),
                Arguments.of("email", "url user:secret@host.example.com", ""),
                Arguments.of("email", "dots a..b@example.com", ""),
                Arguments.of("email", "decorator @Override", ""),
                // private-ip
                Arguments.of("private-ip", "host 10.1.2.3 up", "10.1.2.3"),
                Arguments.of("private-ip", "db 172.16.0.1:5432", "172.16.0.1"),
                Arguments.of("private-ip", "gw (192.168.1.1).", "192.168.1.1"),
                Arguments.of("private-ip", "cgnat 100.64.0.1", "100.64.0.1"),
                Arguments.of("private-ip", "ula fd12:3456:789a::1", "fd12:3456:789a::1"),
                Arguments.of("private-ip", "link fe80::1%eth0", "fe80::1%eth0"),
                Arguments.of("private-ip", "mapped ::ffff:10.0.0.1", "::ffff:10.0.0.1"),
                Arguments.of("private-ip", "cidr 10.0.0.0/8", "10.0.0.0"),
                Arguments.of("private-ip", "public 8.8.8.8 and 2001:db8::1", ""),
                Arguments.of("private-ip", "loopback 127.0.0.1 ::1", ""),
                Arguments.of("private-ip", "version 10.1.2.3.4", ""),
                Arguments.of("private-ip", "octet 10.0.0.256", ""),
                Arguments.of("private-ip", "time 12:34:56 and std::cout", ""),
                Arguments.of("private-ip", "glued v10.0.0.1", ""));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void findsExactlyTheExpectedMatches(String detector, String text, String expectedMatches) {
        assertThat(matches(detector, text)).containsExactlyElementsOf(expected(expectedMatches));
    }
}
