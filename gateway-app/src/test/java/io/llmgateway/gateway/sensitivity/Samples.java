package io.llmgateway.gateway.sensitivity;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One prompt per detector family, each holding one value the detector must find (made up in the right
 * formats; no live credential). The policy of {@link SensitivityE2E} maps every category above the
 * external threshold.
 */
final class Samples {

    static final String OPENAI = "sk-proj-" + "Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1eF3hJ5kL7nP9rS1uV3xY5aB7dF9gH1jK3mN5p";
    static final String ANTHROPIC = "sk-ant-api03-"
            + "Zq8Lm2Nw4Rt6Yv8Xb1Cd3Fg5Hj7Kl9Pm2Qs4Tu6Vw8Xz1Ab3Cd5Ef7Gh9Ij2Kl4Mn6Op8Qr1St3Uv5Wx7Yz9Ab2Cd4Ef6Gh8Ij1KlAA";
    static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    static final String PEM = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
            + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----";
    static final String CODE = "Why does this fail?\nimport os\nimport sys\n\ndef main(argv):\n"
            + "    path = os.path.join(argv[1], 'x')\n    return 0\n";

    private Samples() {
    }

    /** (finding id, the sensitive value, a prompt that carries it). */
    static Stream<Arguments> perDetector() {
        return Stream.of(
                sample("cn-id", "110101199001011237", "身份证号%s，请核对"),
                sample("cn-mobile", "13812345678", "我的手机号是%s"),
                sample("cn-landline", "010-62345678", "座机 %s 转人工"),
                sample("cn-uscc", "91310000552936878J", "统一社会信用代码%s"),
                sample("passport", "E12345678", "护照号%s"),
                sample("bank-card", "4111 1111 1111 1111", "card %s was charged twice"),
                sample("iban", "DE89 3704 0044 0532 0130 00", "refund to iban %s please"),
                sample("email", "li.lei@example.com", "write to %s tomorrow"),
                sample("private-ip", "10.1.2.3", "host %s is down"),
                sample("secret-openai", OPENAI, "OPENAI_API_KEY=%s"),
                sample("secret-anthropic", ANTHROPIC, "key: %s"),
                sample("secret-aws", "AKIAQ3EGRLAUXTKGWV7Z", "found %s in the logs"),
                sample("secret-github", "ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R", "token %s"),
                sample("secret-gitlab", "glpat-4fQ9zR2kLm8vXw1TpB7c", "token %s"),
                sample("secret-slack", "xoxb-2934857102-3948571029384-aB3dE5gH7jK9mN1pQ3sT5vW7", "bot %s"),
                sample("secret-alibaba", "LTAI5tQ9zR2kLm8vXw1TpB7c", "AccessKeyId: %s"),
                sample("secret-gcp", "AIzaSyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs", "apiKey: \"%s\""),
                sample("secret-stripe", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "stripe %s"),
                sample("secret-huggingface", "hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh", "hub %s"),
                sample("secret-npm", "npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8", "registry %s"),
                sample("secret-private-key", PEM, "my key:\n%s"),
                sample("secret-jwt", JWT, "Authorization: Bearer %s"),
                sample("secret-connection-password", "S3cr3t!pw", "postgres://app:%s@db.internal:5432/app"),
                sample("secret-generic", "hunter22", "DB_PASSWORD=%s"),
                sample("source-code", CODE, "%s"),
                sample("custom-projects", "Bluebird", "status of project %s?"),
                sample("custom-customer-id", "CUST-12345678", "ticket for %s"));
    }

    private static Arguments sample(String detector, String value, String template) {
        return Arguments.of(detector, value, template.formatted(value));
    }
}
