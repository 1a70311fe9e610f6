package io.llmgateway.adapter.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.UpstreamRequest;
import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.schema.WireJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OllamaModelsTranslatorTest {

    @Test
    void tagsBecomeAnOpenAiModelList() {
        String tags = """
                {"models":[{"name":"deepseek-r1:latest","model":"deepseek-r1:latest","modified_at":"2025-05-10T08:06:48.639712648-07:00",
                  "size":4683075271,"digest":"0a8c2666","details":{"format":"gguf","family":"qwen2"}},
                 {"name":"llama3.2:latest","modified_at":"2025-05-04T17:37:44Z","size":2019393189}]}""";
        String out = new String(OllamaModelsTranslator.toOpenAi(tags.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        assertThat(WireJson.MAPPER.readTree(out)).isEqualTo(WireJson.MAPPER.readTree("""
                {"object":"list","data":[
                  {"id":"deepseek-r1:latest","object":"model","created":1746889608,"owned_by":"ollama"},
                  {"id":"llama3.2:latest","object":"model","created":1746380264,"owned_by":"ollama"}]}"""));
    }

    @Test
    void asksTheTagsEndpoint() {
        Duration s = Duration.ofSeconds(1);
        UpstreamRequest r = OllamaModelsTranslator.request(new UpstreamTarget("o", URI.create("http://ollama:11434"), "m", null,
                Map.of(), Map.of(), new UpstreamTarget.Timeouts(s, s, s, s)));
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.uri()).isEqualTo(URI.create("http://ollama:11434/api/tags"));
    }
}
