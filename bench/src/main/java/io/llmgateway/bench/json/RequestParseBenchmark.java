package io.llmgateway.bench.json;

import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.RequestText;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the gateway does with every request body before routing: {@link OpenAiRequest#parse} (JSON tree with
 * duplicate-key and depth checks, OpenAI validation) and {@link RequestText#estimateTokens} (walks every
 * message text). {@code 2k}: a typical chat request (system prompt, three turns, a tool definition, sampling
 * parameters, about 2 KB). {@code 64k}: a document pasted into one user message (about 64 KB). Run with
 * {@code -prof gc} for the allocation per request ({@code gc.alloc.rate.norm}).
 *
 * <pre>java -jar bench/target/benchmarks.jar RequestParse -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestParseBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Param({"2k", "64k"})
    public String size;

    private byte[] body;

    @Setup
    public void setUp() {
        body = size.equals("2k") ? typical() : document(64 * 1024);
    }

    @Benchmark
    public OpenAiRequest parse() {
        return OpenAiRequest.parse(Operation.CHAT, body);
    }

    @Benchmark
    public int parseAndEstimate() {
        return RequestText.estimateTokens(OpenAiRequest.parse(Operation.CHAT, body));
    }

    /** About 2 KB: system prompt, user/assistant/user turns, one tool, sampling parameters. */
    static byte[] typical() {
        ObjectNode b = JSON.createObjectNode();
        b.put("model", "chat-small");
        ArrayNode msgs = b.putArray("messages");
        msgs.addObject().put("role", "system").put("content", "You are the customer service assistant of an online "
                + "retailer. Answer politely and briefly, in the customer's language. Never promise refunds; offer to "
                + "open a ticket instead. If the customer gives an order number, look it up with the tool first.");
        msgs.addObject().put("role", "user").put("content", "Hi, my order 4471-2209 has not arrived yet, it was "
                + "supposed to come on Monday. Can you check where it is? 我很着急，谢谢！");
        msgs.addObject().put("role", "assistant").put("content", "I am sorry to hear that. Let me look up order "
                + "4471-2209 for you. It left our warehouse on Friday and is with the carrier now; the tracking shows a "
                + "delay at the regional sorting centre.");
        msgs.addObject().put("role", "user").put("content", "OK, when will it arrive then? I need it before the "
                + "weekend because it is a birthday present. Can you make it faster or send a new one?");
        ObjectNode fn = b.putArray("tools").addObject().put("type", "function").putObject("function");
        fn.put("name", "lookup_order").put("description", "Look up an order by its number and return its status, "
                + "carrier and the expected delivery date.");
        ObjectNode params = fn.putObject("parameters").put("type", "object");
        params.putObject("properties").putObject("order_number").put("type", "string")
                .put("description", "order number like 4471-2209");
        params.putArray("required").add("order_number");
        b.put("temperature", 0.3).put("top_p", 0.9).put("max_tokens", 512).put("stream", true);
        b.putObject("stream_options").put("include_usage", true);
        b.put("user", "customer-88231");
        String json = JSON.writeValueAsString(b);
        StringBuilder sb = new StringBuilder(json);
        // pad the system prompt to about 2 KB with more instructions
        String more = " Keep answers under 120 words. Use the customer's name if known. Mention the ticket number.";
        while (sb.length() < 2000) {
            int at = sb.indexOf("look it up with the tool first.") + "look it up with the tool first.".length();
            sb.insert(at, more);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A single user message holding a pasted document of about {@code bytes} bytes. */
    static byte[] document(int bytes) {
        Random random = new Random(7);
        String[] words = {"quarterly", "revenue", "grew", "by", "percent", "while", "costs", "in", "the", "cloud",
            "segment", "fell", "because", "of", "lower", "GPU", "prices", "and", "better", "utilisation", "—", "季度"};
        StringBuilder doc = new StringBuilder(bytes);
        while (doc.length() < bytes - 200) {
            doc.append(words[random.nextInt(words.length)]).append(random.nextInt(12) == 0 ? ".\n" : " ");
        }
        ObjectNode b = JSON.createObjectNode();
        b.put("model", "chat-large");
        ArrayNode msgs = b.putArray("messages");
        msgs.addObject().put("role", "user").put("content", "Summarise this report in five bullet points:\n\n" + doc);
        b.put("max_tokens", 1024);
        return JSON.writeValueAsBytes(b);
    }
}
