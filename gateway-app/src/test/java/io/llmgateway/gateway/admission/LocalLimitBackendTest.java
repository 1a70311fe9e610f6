package io.llmgateway.gateway.admission;

class LocalLimitBackendTest extends LimitBackendContract {

    private final LocalLimitBackend backend = new LocalLimitBackend();

    @Override
    LimitBackend backend() {
        return backend;
    }

    @Override
    String appId() {
        return "app";
    }
}
