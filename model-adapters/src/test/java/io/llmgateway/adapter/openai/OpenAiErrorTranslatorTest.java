package io.llmgateway.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiErrorTranslatorTest {

    static final UpstreamTarget TARGET = new UpstreamTarget("d1", URI.create("http://h/v1"), "m", null, Map.of(), Map.of(),
            new UpstreamTarget.Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            openai envelope        | 400 | {"error":{"message":"Invalid value for 'temperature'","type":"invalid_request_error","param":"temperature","code":"invalid_value"}} | INVALID_REQUEST          | false | Invalid value for 'temperature'
            vllm top-level         | 400 | {"object":"error","message":"max_tokens must be at least 1","type":"BadRequestError","param":null,"code":400}                           | INVALID_REQUEST          | false | max_tokens must be at least 1
            vllm context           | 400 | {"object":"error","message":"This model's maximum context length is 4096 tokens. However, you requested 5000 tokens","type":"BadRequestError","param":null,"code":400} | CONTEXT_LENGTH_EXCEEDED | false | maximum context length
            llama.cpp context      | 400 | {"error":{"code":400,"message":"the request exceeds the available context size","type":"exceed_context_size_error","n_prompt_tokens":5000,"n_ctx":4096}} | CONTEXT_LENGTH_EXCEEDED | false | exceeds the available context size
            tgi string error       | 422 | {"error":"Input validation error: `inputs` must have less than 1024 tokens","error_type":"validation"} | INVALID_REQUEST | false | Input validation error
            rate limited           | 429 | {"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}} | RATE_LIMITED | true | Rate limit reached
            overloaded 529         | 529 | {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}                            | UPSTREAM_UNAVAILABLE | true | Overloaded
            server error           | 500 | {"object":"error","message":"CUDA out of memory","type":"InternalServerError","param":null,"code":500} | UPSTREAM_ERROR | true | CUDA out of memory
            upstream auth          | 401 | {"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}} | UPSTREAM_BAD_RESPONSE | true | Incorrect API key
            html page              | 502 | <html><body>Bad Gateway</body></html>                                                                    | UPSTREAM_ERROR | true | non-JSON (HTML) error page
            fastapi detail         | 404 | {"detail":"Not Found"}                                                                                   | UPSTREAM_BAD_RESPONSE | true | Not Found
            """)
    void normalisesErrorBodies(String name, int status, String body, ErrorKind kind, boolean retryable, String message) {
        GatewayException e = new OpenAiErrorTranslator().translate(status, Map.of(), body.getBytes(StandardCharsets.UTF_8), TARGET);
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.upstreamStatus()).isEqualTo(status);
        assertThat(e.getMessage()).startsWith("upstream 'd1' answered HTTP " + status).contains(message);
    }

    @org.junit.jupiter.api.Test
    void honoursRetryAfter() {
        GatewayException e = new OpenAiErrorTranslator().translate(429, Map.of("retry-after", "7"), new byte[0], TARGET);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        e = new OpenAiErrorTranslator().translate(429, Map.of("retry-after-ms", "1500", "retry-after", "7"), new byte[0], TARGET);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(1500));
    }
}
