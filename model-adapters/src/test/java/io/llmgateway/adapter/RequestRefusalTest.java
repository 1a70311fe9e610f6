package io.llmgateway.adapter;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a translating adapter cannot express is refused as a 400 naming the parameter, never
 * silently dropped (which would hand the client an answer of a different shape than it asked for).
 */
class RequestRefusalTest {

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            anthropic | chat        | {"model":"m","n":2,"messages":[{"role":"user","content":"x"}]}                                                        | n
            anthropic | chat        | {"model":"m","logprobs":true,"messages":[{"role":"user","content":"x"}]}                                              | logprobs
            anthropic | chat        | {"model":"m","response_format":{"type":"json_object"},"messages":[{"role":"user","content":"x"}]}                     | response_format
            anthropic | chat        | {"model":"m","messages":[{"role":"user","content":[{"type":"input_audio","input_audio":{"data":"x","format":"wav"}}]}]} | messages[0].content[0].type
            anthropic | chat        | {"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"ftp://x/y.png"}}]}]}        | messages[0].content[0].image_url.url
            anthropic | chat        | {"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"a","type":"function","function":{"name":"f","arguments":"[1"}}]}]} | messages[0].tool_calls[0].function.arguments
            anthropic | chat        | {"model":"m","messages":[{"role":"function","name":"f","content":"x"}]}                                               | messages[0].role
            anthropic | chat        | {"model":"m","messages":[{"role":"user","content":"x"}],"tools":[{"type":"custom","custom":{"name":"g"}}]}             | tools[0].type
            ollama    | chat        | {"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x/y.png"}}]}]}      | messages[0].content[0].image_url.url
            ollama    | chat        | {"model":"m","n":3,"messages":[{"role":"user","content":"x"}]}                                                        | n
            ollama    | completions | {"model":"m","prompt":["a","b"]}                                                                                      | prompt
            ollama    | embeddings  | {"model":"m","input":[[1,2,3]]}                                                                                       | input
            tgi       | chat        | {"model":"m","messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f"}}]}         | tools
            tgi       | chat        | {"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x/y.png"}}]}]}      | messages[0].content[0].type
            tgi       | chat        | {"model":"m","messages":[{"role":"tool","tool_call_id":"a","content":"x"}]}                                           | messages[0]
            """)
    void refusesWhatItCannotTranslate(String api, String operation, String body, String param) {
        WireAdapter adapter = WireAdapters.standard().get(api).orElseThrow();
        OpenAiRequest request = OpenAiRequest.parse(Operation.valueOf(operation.toUpperCase(java.util.Locale.ROOT)),
                body.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> adapter.toUpstream(request, AdapterOptionsTest.target(Map.of())))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
                    org.assertj.core.api.Assertions.assertThat(e.param()).isEqualTo(param);
                });
    }
}
