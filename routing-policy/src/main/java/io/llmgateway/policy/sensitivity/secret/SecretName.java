package io.llmgateway.policy.sensitivity.secret;

import io.llmgateway.policy.sensitivity.text.AsciiChars;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How strongly an identifier ({@code DB_PASSWORD}, {@code awsSecretKey}, {@code foreign_key_id})
 * says that its value is a secret. The identifier is split into words at {@code _ - .} and
 * lower-to-upper case changes; a name whose last word describes metadata ({@code id}, {@code name},
 * {@code length}, {@code url}...) names no secret, nor does a word qualified as public
 * ({@code public_key}, {@code csrf_token}).
 */
enum SecretName {
    NONE,
    /** A bare {@code key} or {@code auth}: only a strongly random value counts. */
    WEAK,
    /** Secret, token, credential, API/access/private key. */
    SECRET,
    /** Password, passwd, pwd, passphrase. */
    PASSWORD;

    private static final Set<String> PASSWORD_WORDS = Set.of(
            "password", "passwd", "pwd", "passphrase", "passcode", "pass");
    private static final Set<String> SECRET_WORDS = Set.of(
            "secret", "token", "credential", "credentials", "apikey", "authorization");
    private static final Set<String> KEY_QUALIFIERS = Set.of(
            "api", "access", "secret", "private", "signing", "encryption", "master", "client", "app", "session",
            "service", "auth", "license", "subscription", "account", "admin", "consumer", "storage", "shared",
            "hmac", "x");
    private static final Set<String> NOT_SECRET_QUALIFIERS = Set.of(
            "public", "pub", "csrf", "xsrf", "hashed", "hash", "next", "page", "continuation", "cancellation",
            "sort", "primary", "foreign", "partition", "sequence", "schema", "bucket", "cache", "unique",
            "idempotency", "max", "num", "input", "output", "reset", "forgot");
    private static final Set<String> METADATA_WORDS = Set.of(
            "id", "ids", "name", "names", "size", "length", "len", "type", "types", "file", "files", "path", "url",
            "uri", "endpoint", "count", "max", "min", "field", "label", "prefix", "suffix", "format", "header",
            "policy", "version", "ref", "enabled", "enable", "expiry", "expires", "expiration", "ttl", "timeout",
            "manager", "provider", "store", "dir", "location", "mode", "pattern", "regex", "kind", "index", "param",
            "hash", "required", "validator", "validation", "placeholder", "hint", "env", "var", "arn", "algorithm",
            "alg", "chars", "str", "pair", "selector", "tag", "level", "strength", "rotation", "vault", "ring",
            "board", "code", "usage", "scope", "scopes", "table");

    static SecretName of(CharSequence text, int start, int end) {
        List<String> words = words(text, start, end);
        if (words.isEmpty() || METADATA_WORDS.contains(words.get(words.size() - 1))) {
            return NONE;
        }
        SecretName best = NONE;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String before = i > 0 ? words.get(i - 1) : "";
            if (NOT_SECRET_QUALIFIERS.contains(before)) {
                continue;
            }
            SecretName strength = strengthOf(word, before, i == words.size() - 1);
            if (strength.compareTo(best) > 0) {
                best = strength;
            }
        }
        return best;
    }

    private static SecretName strengthOf(String word, String before, boolean last) {
        if (PASSWORD_WORDS.contains(word) && (!word.equals("pass") || last) || word.endsWith("password")) {
            return PASSWORD;
        }
        if (SECRET_WORDS.contains(word) || word.endsWith("secret") || word.endsWith("token") && word.length() > 5
                && KEY_QUALIFIERS.contains(word.substring(0, word.length() - 5))) {
            return SECRET;
        }
        if (word.equals("key") || word.equals("keys")) {
            return KEY_QUALIFIERS.contains(before) ? SECRET : last ? WEAK : NONE;
        }
        if (word.endsWith("key") && KEY_QUALIFIERS.contains(word.substring(0, word.length() - 3))) {
            return SECRET;
        }
        return word.equals("auth") && last ? WEAK : NONE;
    }

    /** Whether the name is an HTTP {@code Authorization} header. */
    static boolean isAuthorization(CharSequence text, int start, int end) {
        List<String> words = words(text, start, end);
        return !words.isEmpty() && words.get(words.size() - 1).equals("authorization");
    }

    /** Lower-case words of an identifier. */
    static List<String> words(CharSequence text, int start, int end) {
        List<String> words = new ArrayList<>(4);
        int wordStart = -1;
        for (int i = start; i <= end; i++) {
            char c = i < end ? text.charAt(i) : '_';
            boolean boundary = !AsciiChars.isAlnum(c)
                    || (i > start && AsciiChars.isUpper(c) && AsciiChars.isLower(text.charAt(i - 1)));
            if (boundary && wordStart >= 0) {
                words.add(text.subSequence(wordStart, i).toString().toLowerCase(Locale.ROOT));
                wordStart = -1;
            }
            if (AsciiChars.isAlnum(c) && wordStart < 0) {
                wordStart = i;
            }
        }
        return words;
    }
}
