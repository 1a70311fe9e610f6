package io.llmgateway.gateway.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import io.llmgateway.gateway.support.PolicyFiles;
import io.llmgateway.sim.FaultConfig;
import io.llmgateway.sim.SimNode;
import io.llmgateway.sim.SimNodeConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The official OpenAI Java SDK against the gateway, with simulated vLLM nodes behind it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenAiSdkTest {

    static final SimNode A10 = SimNode.start(SimNodeConfig.builder().id("a10").profile("a10").speed(20)
            .models("Qwen2.5-7B-Instruct", "bge-m3").seed(7).build());

    @DynamicPropertySource
    static void policy(DynamicPropertyRegistry r) {
        String yaml = "deployments:\n"
                + "  - {id: qwen7-a10, pool: a10, zone: private, api: openai, url: \"" + A10.baseUrl() + "\", model: Qwen2.5-7B-Instruct}\n"
                + "  - {id: bge-a10, pool: a10, zone: private, api: openai, url: \"" + A10.baseUrl() + "\", model: bge-m3}\n"
                + "models:\n  chat-small: [qwen7-a10]\n  embed: [bge-a10]\n  chat: [qwen7-a10]\n"
                + PolicyFiles.APPS;
        r.add("gateway.policy", () -> PolicyFiles.write(yaml).toString());
    }

    @LocalServerPort
    int port;

    @AfterEach
    void clearFaults() {
        A10.faults().clear();
    }

    @AfterAll
    static void stop() {
        A10.close();
    }

    OpenAIClient client(String key) {
        return OpenAIOkHttpClient.builder().apiKey(key).baseUrl("http://127.0.0.1:" + port + "/v1").maxRetries(0).build();
    }

    @Test
    void chatCompletionWithUsage() {
        ChatCompletion c = client("sk-test-123456").chat().completions().create(ChatCompletionCreateParams.builder()
                .model("chat-small").addUserMessage("Say hello").maxCompletionTokens(12).build());
        assertThat(c.choices()).hasSize(1);
        assertThat(c.choices().get(0).message().content()).hasValueSatisfying(s -> assertThat(s).isNotBlank());
        assertThat(c.usage()).hasValueSatisfying(u -> {
            assertThat(u.promptTokens()).isPositive();
            assertThat(u.completionTokens()).isBetween(1L, 12L);
            assertThat(u.totalTokens()).isEqualTo(u.promptTokens() + u.completionTokens());
        });
    }

    @Test
    void streamedChatWithUsage() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("chat-small").addUserMessage("Stream please")
                .maxCompletionTokens(10).streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        StringBuilder text = new StringBuilder();
        List<ChatCompletionChunk> usageChunks = new ArrayList<>();
        int[] chunks = {0};
        try (StreamResponse<ChatCompletionChunk> s = client("sk-test-123456").chat().completions().createStreaming(params)) {
            s.stream().forEach(ch -> {
                chunks[0]++;
                ch.choices().forEach(choice -> choice.delta().content().ifPresent(text::append));
                if (ch.usage().isPresent()) {
                    usageChunks.add(ch);
                }
            });
        }
        assertThat(text.toString()).isNotBlank();
        assertThat(chunks[0]).isGreaterThan(3);
        assertThat(usageChunks).hasSize(1);
        assertThat(usageChunks.get(0).usage().get().completionTokens()).isEqualTo(10);
    }

    @Test
    void aStreamCutMidAnswerSurfacesAsAnSdkError() {
        A10.faults().set(FaultConfig.builder().dropMidStreamAfterTokens(3).build());
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("chat-small").addUserMessage("x")
                .maxCompletionTokens(30).build();
        assertThatThrownBy(() -> {
            try (StreamResponse<ChatCompletionChunk> s = client("sk-test-123456").chat().completions().createStreaming(params)) {
                s.stream().forEach(ch -> { });
            }
        }).isInstanceOf(OpenAIException.class);
    }

    @Test
    void completionsEmbeddingsAndModels() {
        OpenAIClient c = client("sk-test-123456");
        Completion comp = c.completions().create(CompletionCreateParams.builder().model("chat-small").prompt("Once upon").maxTokens(8).build());
        assertThat(comp.choices().get(0).text()).isNotBlank();
        assertThat(comp.usage()).hasValueSatisfying(u -> assertThat(u.completionTokens()).isBetween(1L, 8L));

        CreateEmbeddingResponse emb = c.embeddings().create(EmbeddingCreateParams.builder().model("embed").input("hello world").build());
        assertThat(emb.data()).hasSize(1);
        assertThat(emb.data().get(0).embedding()).hasSizeGreaterThan(100);
        assertThat(emb.usage().promptTokens()).isPositive();

        List<String> ids = c.models().list().data().stream().map(Model::id).toList();
        assertThat(ids).containsExactly("chat-small", "embed", "chat");
        assertThat(c.models().retrieve("embed").id()).isEqualTo("embed");
    }

    @Test
    void errorsMapToTheSdkExceptionTypes() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("chat-small").addUserMessage("x").build();
        assertThatThrownBy(() -> client("sk-nope-000000").chat().completions().create(params)).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> client("sk-limited-123456").chat().completions().create(params)).isInstanceOf(PermissionDeniedException.class);
        ChatCompletionCreateParams unknown = ChatCompletionCreateParams.builder().model("gpt-17").addUserMessage("x").build();
        assertThatThrownBy(() -> client("sk-test-123456").chat().completions().create(unknown))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("does not exist");
    }
}
