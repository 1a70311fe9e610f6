package io.llmgateway.adapter.openai;

import static io.llmgateway.adapter.openai.OpenAiErrorTranslatorTest.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.golden.Golden;
import io.llmgateway.adapter.schema.AdapterResponse;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenAiResponseTranslatorTest {

    static final OpenAiRequest CHAT = OpenAiRequest.parse(Operation.CHAT,
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}".getBytes(StandardCharsets.UTF_8));

    static AdapterResponse translate(String body) {
        return new OpenAiResponseTranslator().translate(CHAT, TARGET, body.getBytes(StandardCharsets.UTF_8), Golden.STAMP);
    }

    @Test
    void aCompliantAnswerPassesByteForByte() {
        // odd spacing and key order survive: nothing is re-serialised
        String body = "{ \"id\":\"c\",\"created\":5,\"object\":\"chat.completion\",\"model\":\"m\",\n"
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}] }";
        assertThat(new String(translate(body).json(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void anErrorBodyWithStatus200IsAnError() {
        assertThatThrownBy(() -> translate("{\"object\":\"error\",\"message\":\"model not loaded\",\"code\":503}"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("model not loaded");
                });
    }

    @Test
    void somethingThatIsNotAnAnswerIsABadResponse() {
        assertThatThrownBy(() -> translate("[1,2]")).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_BAD_RESPONSE));
        assertThatThrownBy(() -> translate("{\"id\":\"x\"}")).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.getMessage()).contains("without 'choices'"));
    }
}
