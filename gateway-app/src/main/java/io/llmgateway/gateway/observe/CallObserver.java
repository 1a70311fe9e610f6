package io.llmgateway.gateway.observe;

import io.llmgateway.gateway.proxy.CallContext;

/** Told once about every finished call (served, refused or failed): metrics, access log, ledger. */
public interface CallObserver {

    void completed(CallContext call);
}
