package io.llmgateway.gateway.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.embeddings.EmbeddingCreateParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official OpenAI SDK against the gateway, with an Anthropic-, Ollama-, TGI- and Azure-speaking
 * upstream behind it: streamed and non-streamed answers, tool calls and usage come out as the SDK
 * expects them from OpenAI itself.
 */
class TranslatingUpstreamsSdkTest extends GatewayReplaySupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static void script(String alias, boolean stream, boolean tool) {
        UpstreamScripts.Script s = switch (alias) {
            case "claude" -> UpstreamScripts.anthropic(stream, tool);
            case "llama3.2" -> UpstreamScripts.ollama(stream, tool);
            case "tgi" -> UpstreamScripts.tgi(stream);
            case "azure-gpt-5-nano" -> UpstreamScripts.azure(stream, tool);
            default -> throw new IllegalArgumentException(alias);
        };
        upstream(alias).answer(200, s.contentType(), s.body());
    }

    static ReplayUpstream upstream(String alias) {
        return switch (alias) {
            case "claude" -> ANTHROPIC;
            case "llama3.2" -> OLLAMA;
            case "tgi" -> TGI;
            default -> AZURE;
        };
    }

    static ChatCompletionCreateParams.Builder params(String alias, boolean tool) {
        ChatCompletionCreateParams.Builder b = ChatCompletionCreateParams.builder().model(alias).addUserMessage("Say hello.");
        if (tool) {
            b.addTool(ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder().name("get_weather")
                    .description("Current weather in a city")
                    .parameters(FunctionParameters.builder()
                            .putAdditionalProperty("type", JsonValue.from("object"))
                            .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                            .build())
                    .build()).build());
        }
        return b;
    }

    ChatCompletion streamed(ChatCompletionCreateParams params) {
        ChatCompletionAccumulator acc = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> s = client.chat().completions().createStreaming(params)) {
            s.stream().forEach(acc::accumulate);
        }
        return acc.chatCompletion();
    }

    private com.openai.client.OpenAIClient client;

    @org.junit.jupiter.api.BeforeEach
    void client() {
        client = sdk();
    }

    private void assertText(ChatCompletion c, boolean usage) {
        assertText(c, usage, true);
    }

    /** @param exactPrompt false for TGI's non-streamed answers, which count no prompt tokens (the gateway estimates) */
    private void assertText(ChatCompletion c, boolean usage, boolean exactPrompt) {
        assertThat(c.choices()).hasSize(1);
        assertThat(c.choices().get(0).message().content()).contains("Hello there.");
        assertThat(c.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        if (usage) {
            CompletionUsage u = c.usage().orElseThrow();
            assertThat(u.completionTokens()).isEqualTo(3L);
            assertThat(u.totalTokens()).isEqualTo(u.promptTokens() + 3L);
            if (exactPrompt) {
                assertThat(u.promptTokens()).isEqualTo(10L);
            } else {
                assertThat(u.promptTokens()).isPositive();
            }
        }
    }

    private void assertToolCall(ChatCompletion c) {
        ChatCompletion.Choice choice = c.choices().get(0);
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        assertThat(choice.message().toolCalls().orElseThrow()).hasSize(1);
        ChatCompletionMessageFunctionToolCall call = choice.message().toolCalls().orElseThrow().get(0).asFunction();
        assertThat(call.id()).isNotEmpty();
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(JSON.readTree(call.function().arguments())).isEqualTo(JSON.readTree("{\"city\":\"Paris\"}"));
        CompletionUsage u = c.usage().orElseThrow();
        assertThat(List.of(u.promptTokens(), u.completionTokens())).containsExactly(10L, 7L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"claude", "llama3.2", "tgi", "azure-gpt-5-nano"})
    void nonStreamedAnswerWithUsage(String alias) {
        script(alias, false, false);
        assertText(client.chat().completions().create(params(alias, false).build()), true, !alias.equals("tgi"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"claude", "llama3.2", "tgi", "azure-gpt-5-nano"})
    void streamedAnswerWithUsage(String alias) {
        script(alias, true, false);
        ChatCompletion c = streamed(params(alias, false)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build());
        assertText(c, true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"claude", "llama3.2", "tgi", "azure-gpt-5-nano"})
    void aStreamWithoutUsageRequestedCarriesNone(String alias) {
        script(alias, true, false);
        ChatCompletion c = streamed(params(alias, false).build());
        assertText(c, false);
        assertThat(c.usage()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"claude", "llama3.2", "azure-gpt-5-nano"})
    void nonStreamedToolCall(String alias) {
        script(alias, false, true);
        assertToolCall(client.chat().completions().create(params(alias, true).build()));
        assertThat(upstream(alias).last().body()).contains("get_weather");
    }

    @ParameterizedTest
    @ValueSource(strings = {"claude", "llama3.2", "azure-gpt-5-nano"})
    void streamedToolCall(String alias) {
        script(alias, true, true);
        assertToolCall(streamed(params(alias, true)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build()));
    }

    @Test
    void anOverloadedAnthropicIsARetryable503ForTheSdk() {
        ANTHROPIC.answer(529, "application/json", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
        assertThatThrownBy(() -> client.chat().completions().create(params("claude", false).build()))
                .isInstanceOfSatisfying(OpenAIServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("Overloaded");
                });
    }

    @Test
    void ollamaEmbeddingsReachTheSdk() {
        OLLAMA.answer(200, "application/json", "{\"model\":\"all-minilm\",\"embeddings\":[[1.0,-2.5,0.25]],\"prompt_eval_count\":4}");
        var r = client.embeddings().create(EmbeddingCreateParams.builder().model("all-minilm").input("Why is the sky blue?").build());
        assertThat(r.data().get(0).embedding()).containsExactly(1.0f, -2.5f, 0.25f);
        assertThat(r.usage().promptTokens()).isEqualTo(4);
        assertThat(OLLAMA.last().uri()).isEqualTo("/api/embed");
    }
}
