package io.llmgateway.policy.sensitivity.secret;

import io.llmgateway.policy.sensitivity.Detector;
import io.llmgateway.policy.sensitivity.FindingKind;
import io.llmgateway.policy.sensitivity.MatchSink;
import io.llmgateway.policy.sensitivity.text.AsciiChars;
import io.llmgateway.policy.sensitivity.text.KeywordSieve;
import io.llmgateway.policy.sensitivity.text.PairSet;
import io.llmgateway.policy.sensitivity.text.ScanText;
import io.llmgateway.policy.sensitivity.text.ShannonEntropy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code secret-generic}: a literal assigned to a key-like name ({@code password}, {@code secret},
 * {@code token}, {@code api_key}, {@code client_secret}...; see {@link SecretName}) or following
 * {@code Bearer}. Passwords need 4+ chars (6+ unquoted, and then a digit or symbol, since an
 * unquoted word is usually a variable); secrets and tokens need 8+ chars and a Shannon entropy of
 * at least the configured threshold; a bare {@code key} needs 20+ chars, letters and digits, and
 * one bit more. Placeholders, template variables, references, expressions and UUIDs are not
 * secrets. Reports the value only.
 */
public final class GenericSecretDetector implements Detector {

    public static final String ID = "secret-generic";
    private static final String[] NAME_FRAGMENTS = {"pass", "pwd", "secret", "token", "key", "credential", "auth"};
    private static final Set<String> NOT_VALUES = Set.of(
            "true", "false", "null", "none", "nil", "undefined", "string", "str", "int", "number", "boolean", "bool",
            "object", "any", "required", "optional", "secret", "password", "token", "empty", "redacted", "hidden",
            "masked", "example", "your_password", "yourpassword", "pass", "test", "bearer", "basic", "changeit");

    private static final int BEARER = NAME_FRAGMENTS.length;
    private static final int CURL_USER = BEARER + 1;
    private static final int CURL_SHORT_USER = BEARER + 2;
    /** The name fragments, then {@code bearer }, {@code --user } and {@code  -u }, at the indexes above. */
    private static final KeywordSieve NAMES = KeywordSieve.of(names());
    /** Where a name may start: the anchors this detector reads from the scan's shared pass. */
    public static final PairSet ANCHORS = NAMES.firstPairs();

    private final double entropyThreshold;

    public GenericSecretDetector(double entropyThreshold) {
        this.entropyThreshold = entropyThreshold;
    }

    private static List<String> names() {
        List<String> keywords = new ArrayList<>(List.of(NAME_FRAGMENTS));
        keywords.addAll(List.of("bearer ", "--user ", " -u "));
        return keywords;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public FindingKind kind() {
        return FindingKind.SECRET;
    }

    @Override
    public void scan(CharSequence input, MatchSink sink) {
        ScanText text = ScanText.of(input);
        int[] doneTo = {0};
        NAMES.search(text, (k, start, end) -> {
            if (start < doneTo[0]) {
                return;
            }
            AssignedValue value;
            SecretName name;
            if (k == BEARER) {
                if (start > 0 && AsciiChars.isAlnum(text.charAt(start - 1))) {
                    return;
                }
                value = bearerToken(text, end);
                name = SecretName.SECRET;
            } else if (k == CURL_USER || k == CURL_SHORT_USER) {
                value = CredentialValues.userPassword(text, end);
                name = SecretName.PASSWORD;
            } else {
                int nameStart = start;
                while (nameStart > 0 && isNameChar(text.charAt(nameStart - 1))) {
                    nameStart--;
                }
                int nameEnd = end;
                while (nameEnd < text.length() && isNameChar(text.charAt(nameEnd))) {
                    nameEnd++;
                }
                doneTo[0] = nameEnd;
                name = SecretName.of(text, nameStart, nameEnd);
                value = name == SecretName.NONE ? null : AssignedValue.after(text, nameEnd);
                if (value != null && SecretName.isAuthorization(text, nameStart, nameEnd)) {
                    value = CredentialValues.authorizationCredential(text, value);
                    if (value != null && value.quoted()) {
                        name = SecretName.PASSWORD;
                    }
                }
            }
            if (value != null && isSecretValue(text, value, name)) {
                sink.match(ID, value.start(), value.end());
                doneTo[0] = Math.max(doneTo[0], value.end());
            }
        });
    }

    private static boolean isNameChar(char c) {
        return AsciiChars.isWordChar(c) || c == '-' || c == '.';
    }

    private static AssignedValue bearerToken(CharSequence text, int from) {
        int end = from;
        while (end < text.length() && (AsciiChars.isAlnum(text.charAt(end)) || "-._~+/=".indexOf(text.charAt(end)) >= 0)) {
            end++;
        }
        return end - from >= 16 ? new AssignedValue(from, end, false) : null;
    }

    boolean isSecretValue(CharSequence text, AssignedValue v, SecretName name) {
        int s = v.start();
        int e = v.end();
        if (Placeholders.isPlaceholder(text, s, e) || v.looksLikeExpression(text)
                || NOT_VALUES.contains(text.subSequence(s, e).toString().toLowerCase(Locale.ROOT))) {
            return false;
        }
        return switch (name) {
            case PASSWORD -> v.quoted() ? v.length() >= 4 : v.length() >= 6 && !v.looksLikeReference(text);
            case SECRET -> v.length() >= 8 && !isUuid(text, s, e) && !v.looksLikeReference(text)
                    && ShannonEntropy.bitsPerChar(text, s, e) >= entropyThreshold;
            case WEAK -> v.length() >= 20 && hasLetterAndDigit(text, s, e) && !isUuid(text, s, e)
                    && ShannonEntropy.bitsPerChar(text, s, e) >= entropyThreshold + 1.0;
            case NONE -> false;
        };
    }

    private static boolean hasLetterAndDigit(CharSequence text, int s, int e) {
        boolean letter = false;
        boolean digit = false;
        for (int i = s; i < e; i++) {
            letter |= AsciiChars.isLetter(text.charAt(i));
            digit |= AsciiChars.isDigit(text.charAt(i));
        }
        return letter && digit;
    }

    static boolean isUuid(CharSequence text, int s, int e) {
        if (e - s != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(s + i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !AsciiChars.isHexDigit(c)) {
                return false;
            }
        }
        return true;
    }
}
