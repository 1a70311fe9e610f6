package io.llmgateway.gateway.admission;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * OpenAI's {@code x-ratelimit-*} headers from a verdict: for requests and for tokens, the scope with
 * the least room left (app-wide or the app on this model). Reset is the time until that scope's
 * one-minute window is empty again, written like OpenAI's ({@code 20ms}, {@code 1.5s}, {@code 1m0s}).
 */
final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    static Map<String, String> of(Verdict v) {
        Map<String, String> h = new LinkedHashMap<>();
        ScopeUsage req = null;
        ScopeUsage tok = null;
        for (ScopeUsage u : v.usage()) {
            if (u.scope().limits().rpm() > 0 && (req == null || remainingRequests(u) < remainingRequests(req))) {
                req = u;
            }
            if (u.scope().limits().tpm() > 0 && (tok == null || remainingTokens(u) < remainingTokens(tok))) {
                tok = u;
            }
        }
        if (req != null) {
            h.put("x-ratelimit-limit-requests", Long.toString(req.scope().limits().rpm()));
            h.put("x-ratelimit-remaining-requests", Long.toString(remainingRequests(req)));
            h.put("x-ratelimit-reset-requests", duration(req.resetRequestsMs()));
        }
        if (tok != null) {
            h.put("x-ratelimit-limit-tokens", Long.toString(tok.scope().limits().tpm()));
            h.put("x-ratelimit-remaining-tokens", Long.toString(remainingTokens(tok)));
            h.put("x-ratelimit-reset-tokens", duration(tok.resetTokensMs()));
        }
        return h;
    }

    private static long remainingRequests(ScopeUsage u) {
        return Math.max(0, u.scope().limits().rpm() - u.requests());
    }

    private static long remainingTokens(ScopeUsage u) {
        return Math.max(0, u.scope().limits().tpm() - u.tokens());
    }

    static String duration(long ms) {
        if (ms < 1000) {
            return Math.max(0, ms) + "ms";
        }
        if (ms < 60_000) {
            String s = String.format(Locale.ROOT, "%.3f", ms / 1000.0).replaceAll("0+$", "").replaceAll("\\.$", "");
            return s + "s";
        }
        long seconds = (ms + 999) / 1000;
        return seconds / 60 + "m" + seconds % 60 + "s";
    }
}
