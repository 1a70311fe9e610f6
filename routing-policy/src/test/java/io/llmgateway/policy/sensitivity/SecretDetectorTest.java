package io.llmgateway.policy.sensitivity;

import static io.llmgateway.policy.sensitivity.Detections.expected;
import static io.llmgateway.policy.sensitivity.Detections.matches;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * True and false positives of the secret detectors. The key values are made up here in the vendors'
 * formats; none is a live credential.
 */
class SecretDetectorTest {

    private static final String OPENAI = "sk-proj-" + "Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1eF3hJ5kL7nP9rS1uV3xY5aB7dF9gH1jK3mN5p";
    private static final String ANTHROPIC = "sk-ant-api03-"
            + "Zq8Lm2Nw4Rt6Yv8Xb1Cd3Fg5Hj7Kl9Pm2Qs4Tu6Vw8Xz1Ab3Cd5Ef7Gh9Ij2Kl4Mn6Op8Qr1St3Uv5Wx7Yz9Ab2Cd4Ef6Gh8Ij1KlAA";
    private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("secret-openai", "OPENAI_API_KEY=" + OPENAI, OPENAI),
                Arguments.of("secret-openai", "deepseek key sk-3f9a2b7c4d1e8f6a5b0c9d2e7f4a1b3c", "sk-3f9a2b7c4d1e8f6a5b0c9d2e7f4a1b3c"),
                Arguments.of("secret-openai", "task-manager and sk-short1", ""),
                Arguments.of("secret-openai", "placeholder sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", ""),
                Arguments.of("secret-anthropic", "key: " + ANTHROPIC, ANTHROPIC),
                Arguments.of("secret-anthropic", "truncated sk-ant-api03-abc", ""),
                Arguments.of("secret-aws", "aws_access_key_id = AKIAQ3EGRLAUXTKGWV7Z", "AKIAQ3EGRLAUXTKGWV7Z"),
                Arguments.of("secret-aws", "documentation example AKIAIOSFODNN7EXAMPLE", ""),
                Arguments.of("secret-aws", "AKIAXXXXXXXXXXXXXXXX", ""),
                Arguments.of("secret-aws", "TODAYINASIAASACKOFRICEFELLOVER", ""),
                Arguments.of("secret-github", "token ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R", "ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R"),
                Arguments.of("secret-github", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", ""),
                Arguments.of("secret-gitlab", "glpat-4fQ9zR2kLm8vXw1TpB7c", "glpat-4fQ9zR2kLm8vXw1TpB7c"),
                Arguments.of("secret-slack", "xoxb-2934857102-3948571029384-aB3dE5gH7jK9mN1pQ3sT5vW7",
                        "xoxb-2934857102-3948571029384-aB3dE5gH7jK9mN1pQ3sT5vW7"),
                Arguments.of("secret-slack", "xoxb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx", ""),
                Arguments.of("secret-slack", "https://hooks.slack.com/services/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",
                        "hooks.slack.com/services/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"),
                Arguments.of("secret-alibaba", "AccessKeyId: LTAI5tQ9zR2kLm8vXw1TpB7c", "LTAI5tQ9zR2kLm8vXw1TpB7c"),
                Arguments.of("secret-gcp", "apiKey: \"AIzaSyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs\"", "AIzaSyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs"),
                Arguments.of("secret-stripe", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
                Arguments.of("secret-stripe", "nonMatchingToken := \"task_test_4eC39HqLyjWDarjtT1zdp7dc\"", ""),
                Arguments.of("secret-huggingface", "hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh", "hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh"),
                Arguments.of("secret-huggingface", "- (id)hf_requiredCharacteristicTypesForDisplayMetadata;", ""),
                Arguments.of("secret-private-key", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----",
                        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----"),
                Arguments.of("secret-private-key", "\"key\": \"-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oqQ6wz2mxlcDoAoGCCqGSM49\\n-----END EC PRIVATE KEY-----\"",
                        "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oqQ6wz2mxlcDoAoGCCqGSM49\\n-----END EC PRIVATE KEY-----"),
                Arguments.of("secret-private-key", "-----BEGIN PRIVATE KEY-----\nanything\n-----END PRIVATE KEY-----", ""),
                Arguments.of("secret-private-key", "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAn6/O8li+SX4m98LLYt\n-----END PUBLIC KEY-----", ""),
                Arguments.of("secret-jwt", "Authorization: Bearer " + JWT, JWT),
                Arguments.of("secret-jwt", "not a token eyJhbGciOiJub25lIn0", ""),
                Arguments.of("secret-jwt", "eyJmb28iOiJiYXIifQ.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc", ""),
                Arguments.of("secret-connection-password", "postgres://app:S3cr3t!pw@db.internal:5432/app", "S3cr3t!pw"),
                Arguments.of("secret-connection-password", "redis://:hunter22@cache:6379", "hunter22"),
                Arguments.of("secret-connection-password", "jdbc:mysql://root:Pa55w0rd@10.0.0.5/db", "Pa55w0rd"),
                Arguments.of("secret-connection-password", "postgres://app:${DB_PASSWORD}@db/app", ""),
                Arguments.of("secret-connection-password", "postgres://user:password@localhost/db", ""),
                Arguments.of("secret-connection-password", "https://example.com/a@b", ""),
                Arguments.of("secret-generic", "DB_PASSWORD=hunter22", "hunter22"),
                Arguments.of("secret-generic", "password = \"correct horse\"", "correct horse"),
                Arguments.of("secret-generic", "\"client_secret\": \"q8Zr2LmX7vTp4Nw9Ks1B\"", "q8Zr2LmX7vTp4Nw9Ks1B"),
                Arguments.of("secret-generic", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                Arguments.of("secret-generic", "curl -u admin:Tr0ub4dor https://api", "Tr0ub4dor"),
                Arguments.of("secret-generic", "Authorization: Basic YWRtaW46c2VjcmV0cGFzcw==", "YWRtaW46c2VjcmV0cGFzcw=="),
                Arguments.of("secret-generic", "password: string;", ""),
                Arguments.of("secret-generic", "password = user_password", ""),
                Arguments.of("secret-generic", "password = getPassword()", ""),
                Arguments.of("secret-generic", "if (password == other) {", ""),
                Arguments.of("secret-generic", "public_key = \"9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit\"", ""),
                Arguments.of("secret-generic", "foreign_key_id = vh987tyw9ehy8ghis7vwyhiwbwitefy7w3ASDGYDGUASDG", ""),
                Arguments.of("secret-generic", "secret_length = 32", ""),
                Arguments.of("secret-generic", "api_key = \"${API_KEY}\"", ""),
                Arguments.of("secret-generic", "token = \"xxxxxxxxxxxxxxxx\"", ""),
                Arguments.of("secret-generic", "clientId = \"73082700-1f09-405b-80d0-3131bfd6272d\"", ""),
                Arguments.of("secret-generic", "the password is weak. Use a token.", ""));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void findsExactlyTheExpectedMatches(String detector, String text, String expectedMatches) {
        assertThat(matches(detector, text)).containsExactlyElementsOf(expected(expectedMatches));
    }
}
