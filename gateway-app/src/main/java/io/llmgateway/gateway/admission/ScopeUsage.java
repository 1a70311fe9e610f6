package io.llmgateway.gateway.admission;

/**
 * Where one scope stands after an admission decision (for the {@code x-ratelimit-*} headers).
 *
 * @param scope           the scope
 * @param requests        requests in the last minute
 * @param tokens          tokens in the last minute (reservations included)
 * @param inflight        requests in flight
 * @param resetRequestsMs until the request window is empty again
 * @param resetTokensMs   until the token window is empty again
 */
public record ScopeUsage(Scope scope, long requests, long tokens, long inflight, long resetRequestsMs, long resetTokensMs) {
}
