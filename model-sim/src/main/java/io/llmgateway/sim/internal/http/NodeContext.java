package io.llmgateway.sim.internal.http;

import io.llmgateway.sim.ErrorBodyFormat;
import io.llmgateway.sim.FaultConfig;
import io.llmgateway.sim.GpuProfile;
import io.llmgateway.sim.SimNodeConfig;
import io.llmgateway.sim.internal.engine.GenerationEngine;
import io.llmgateway.sim.internal.metrics.NodeMetrics;
import io.llmgateway.sim.internal.protocol.ServedModel;
import io.llmgateway.sim.internal.protocol.ServedModels;
import java.util.function.Supplier;

/** What the HTTP handlers of one node share. */
public record NodeContext(SimNodeConfig config, ServedModels models, GenerationEngine engine, NodeMetrics metrics,
                          Supplier<FaultConfig> faults, FaultAdmin admin) {

    /** The fault operations the admin endpoint performs (implemented by the node). */
    public interface FaultAdmin {
        /** Replaces the fault config; may close or reopen the listening socket (call off the event loop for down/up). */
        void apply(FaultConfig config);
    }

    boolean closedApi() {
        return config.profile().kind() == GpuProfile.Kind.API;
    }

    /** vLLM's body shape for GPU nodes, OpenAI's for the closed API. */
    ErrorBodyFormat nativeFormat() {
        return closedApi() ? ErrorBodyFormat.OPENAI : ErrorBodyFormat.VLLM;
    }

    ErrorBodyFormat resolve(ErrorBodyFormat format) {
        return format == ErrorBodyFormat.NATIVE ? nativeFormat() : format;
    }

    /** vLLM sends no system fingerprint; the closed API does. */
    String systemFingerprint() {
        return closedApi() ? "fp_sim" + Long.toHexString(config.seed() & 0xffffff) : null;
    }

    /** The default model for an endpoint: the first served model of the right kind, else the first model. */
    String defaultModel(boolean embedding) {
        return models.all().stream().filter(m -> m.embedding() == embedding).map(ServedModel::name).findFirst()
                .orElse(config.defaultModel());
    }
}
