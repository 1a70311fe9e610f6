package io.llmgateway.adapter.openai;

import static io.llmgateway.adapter.openai.OpenAiErrorTranslatorTest.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.UpstreamEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiStreamTranslatorTest {

    static final String ROLE = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}";
    static final String TOKEN = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}";
    static final String FINISH = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}";
    static final String USAGE = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}}";

    @Test
    void passesEventsThroughUntouchedAndTapsUsage() {
        OpenAiStreamTranslator t = new OpenAiStreamTranslator(TARGET);
        List<OpenAiChunk> out = new java.util.ArrayList<>();
        for (String s : List.of(ROLE, TOKEN, FINISH, USAGE, "[DONE]")) {
            out.addAll(t.onEvent(new UpstreamEvent(null, s)));
        }
        assertThat(out).extracting(OpenAiChunk::json).containsExactly(ROLE, TOKEN, FINISH, USAGE);
        assertThat(out.get(3).kind()).isEqualTo(OpenAiChunk.Kind.USAGE_ONLY);
        assertThat(t.usage().promptTokens()).isEqualTo(9);
        assertThat(t.usage().completionTokens()).isEqualTo(2);
        assertThat(t.finished()).isTrue();
        assertThat(t.onComplete()).isEmpty();
    }

    @Test
    void aStreamEndingAfterTheFinishReasonButWithoutDoneIsComplete() {
        OpenAiStreamTranslator t = new OpenAiStreamTranslator(TARGET);
        t.onEvent(new UpstreamEvent(null, ROLE));
        t.onEvent(new UpstreamEvent(null, FINISH));
        assertThat(t.onComplete()).isEmpty();
    }

    @Test
    void aStreamCutMidAnswerIsAnError() {
        OpenAiStreamTranslator t = new OpenAiStreamTranslator(TARGET);
        t.onEvent(new UpstreamEvent(null, ROLE));
        t.onEvent(new UpstreamEvent(null, TOKEN));
        assertThatThrownBy(t::onComplete).isInstanceOf(GatewayException.class)
                .hasMessageContaining("ended the stream before the answer was complete");
    }

    @Test
    void malformedEventsAndErrorEventsFailTheStream() {
        OpenAiStreamTranslator t = new OpenAiStreamTranslator(TARGET);
        assertThatThrownBy(() -> t.onEvent(new UpstreamEvent(null, "{\"choices\":[{\"delta\":"))).isInstanceOf(GatewayException.class)
                .satisfies(e -> assertThat(((GatewayException) e).kind()).isEqualTo(ErrorKind.UPSTREAM_BAD_RESPONSE));
        OpenAiStreamTranslator t2 = new OpenAiStreamTranslator(TARGET);
        assertThatThrownBy(() -> t2.onEvent(new UpstreamEvent(null, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}")))
                .isInstanceOf(GatewayException.class).hasMessageContaining("boom");
    }

    @Test
    void waitsForEveryChoiceWhenNIsAboveOne() {
        OpenAiStreamTranslator t = new OpenAiStreamTranslator(TARGET);
        t.onEvent(new UpstreamEvent(null, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"finish_reason\":null}]}"));
        t.onEvent(new UpstreamEvent(null, "{\"choices\":[{\"index\":1,\"delta\":{\"content\":\"b\"},\"finish_reason\":null}]}"));
        t.onEvent(new UpstreamEvent(null, "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"));
        assertThat(t.finished()).isFalse();
        t.onEvent(new UpstreamEvent(null, "{\"choices\":[{\"index\":1,\"delta\":{},\"finish_reason\":\"length\"}]}"));
        assertThat(t.finished()).isTrue();
    }
}
