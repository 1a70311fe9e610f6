package io.llmgateway.adapter.tgi;

import io.llmgateway.adapter.schema.FinishReason;

/** TGI {@code details.finish_reason} ({@code length}, {@code eos_token}, {@code stop_sequence}) -> OpenAI. */
final class TgiFinishReason {

    private TgiFinishReason() {
    }

    static String of(String tgi) {
        return "length".equals(tgi) ? FinishReason.LENGTH.wire() : FinishReason.STOP.wire();
    }
}
