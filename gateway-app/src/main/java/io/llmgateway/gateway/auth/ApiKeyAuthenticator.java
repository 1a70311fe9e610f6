package io.llmgateway.gateway.auth;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.gateway.routing.RoutingState;
import io.llmgateway.policy.App;
import io.llmgateway.policy.KeyHash;
import org.springframework.http.HttpHeaders;

/**
 * {@code Authorization: Bearer <key>} (or Azure-style {@code api-key: <key>}) -> the app. The key is
 * hashed and looked up by hash, so no comparison runs over the secret and no plain key is kept.
 */
public final class ApiKeyAuthenticator {

    private static final int MAX_KEY_LENGTH = 512;

    public App authenticate(HttpHeaders headers, RoutingState state) {
        String key = key(headers);
        if (key == null) {
            throw GatewayException.builder(ErrorKind.AUTHENTICATION,
                            "You didn't provide an API key. You need to provide your API key in an Authorization header "
                                    + "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).")
                    .code("missing_api_key").build();
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw invalid();
        }
        return state.appByKeyHash(KeyHash.sha256Hex(key)).orElseThrow(ApiKeyAuthenticator::invalid);
    }

    private static String key(HttpHeaders headers) {
        String auth = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (auth != null) {
            String a = auth.strip();
            if (a.regionMatches(true, 0, "Bearer ", 0, 7)) {
                String k = a.substring(7).strip();
                return k.isEmpty() ? null : k;
            }
            return null;
        }
        String apiKey = headers.getFirst("api-key");
        return apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    }

    private static GatewayException invalid() {
        return GatewayException.of(ErrorKind.AUTHENTICATION, "Incorrect API key provided.");
    }
}
