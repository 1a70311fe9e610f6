package io.llmgateway.gateway.api;

/** Response headers the gateway adds to every proxied answer. */
public final class GatewayHeaders {

    public static final String REQUEST_ID = "x-request-id";
    public static final String DEPLOYMENT = "x-gateway-deployment";
    public static final String ROUTE = "x-gateway-route";
    public static final String DATA_CLASS = "x-gateway-data-class";
    public static final String OVERHEAD_MS = "x-gateway-overhead-ms";
    /** On errors: {@code false} when the same request sent again cannot succeed (the OpenAI SDKs obey it). */
    public static final String SHOULD_RETRY = "x-should-retry";

    private GatewayHeaders() {
    }
}
