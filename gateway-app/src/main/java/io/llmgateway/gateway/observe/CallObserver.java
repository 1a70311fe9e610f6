package io.llmgateway.gateway.observe;

import io.llmgateway.gateway.proxy.CallContext;

/**
 * Told once about every finished call (served, refused or failed): metrics, access log, ledger; and,
 * as a {@link CallContext.Listener}, about each upstream attempt as it starts and ends.
 */
public interface CallObserver extends CallContext.Listener {

    void completed(CallContext call);
}
