package io.llmgateway.gateway.replay;

/**
 * Hand-written answers in each upstream's own wire format, all saying the same thing: the text
 * "Hello there." for 10 prompt and 3 completion tokens, or a call of {@code get_weather} with
 * {@code {"city":"Paris"}} for 10 and 7.
 */
final class UpstreamScripts {

    private UpstreamScripts() {
    }

    record Script(String contentType, String body) {
    }

    static final String SSE = "text/event-stream";
    static final String JSON = "application/json";

    static Script anthropic(boolean stream, boolean tool) {
        if (!stream) {
            String content = tool
                    ? "[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{\"city\":\"Paris\"}}]"
                    : "[{\"type\":\"text\",\"text\":\"Hello there.\"}]";
            return new Script(JSON, "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":"
                    + content + ",\"stop_reason\":\"" + (tool ? "tool_use" : "end_turn") + "\",\"usage\":{\"input_tokens\":10,\"output_tokens\":"
                    + (tool ? 7 : 3) + "}}");
        }
        StringBuilder sb = new StringBuilder();
        event(sb, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"claude-sonnet-4-5\",\"content\":[],\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}");
        event(sb, "ping", "{\"type\":\"ping\"}");
        if (tool) {
            event(sb, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\","
                    + "\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{}}}");
            event(sb, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"city\\\": \"}}");
            event(sb, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\\\"Paris\\\"}\"}}");
        } else {
            event(sb, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
            event(sb, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}");
            event(sb, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" there.\"}}");
        }
        event(sb, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
        event(sb, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + (tool ? "tool_use" : "end_turn")
                + "\"},\"usage\":{\"output_tokens\":" + (tool ? 7 : 3) + "}}");
        event(sb, "message_stop", "{\"type\":\"message_stop\"}");
        return new Script(SSE, sb.toString());
    }

    static Script ollama(boolean stream, boolean tool) {
        String done = "\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":10,\"eval_count\":" + (tool ? 7 : 3) + "}";
        String head = "{\"model\":\"llama3.2\",\"created_at\":\"2025-07-07T20:22:19.184789Z\",";
        String call = "\"tool_calls\":[{\"function\":{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}}]";
        if (!stream) {
            String message = tool ? "{\"role\":\"assistant\",\"content\":\"\"," + call + "}" : "{\"role\":\"assistant\",\"content\":\"Hello there.\"}";
            return new Script(JSON, head + "\"message\":" + message + "," + done);
        }
        String lines = tool
                ? head + "\"message\":{\"role\":\"assistant\",\"content\":\"\"," + call + "},\"done\":false}\n"
                : head + "\"message\":{\"role\":\"assistant\",\"content\":\"Hello\"},\"done\":false}\n"
                        + head + "\"message\":{\"role\":\"assistant\",\"content\":\" there.\"},\"done\":false}\n";
        return new Script("application/x-ndjson", lines + head + "\"message\":{\"role\":\"assistant\",\"content\":\"\"}," + done + "\n");
    }

    static Script tgi(boolean stream) {
        if (!stream) {
            return new Script(JSON, "{\"generated_text\":\"Hello there.\",\"details\":{\"finish_reason\":\"eos_token\",\"generated_tokens\":3,"
                    + "\"prefill\":[],\"tokens\":[]}}");
        }
        return new Script(SSE, "data:{\"index\":1,\"token\":{\"id\":1,\"text\":\"Hello\",\"logprob\":-0.1,\"special\":false},\"generated_text\":null,\"details\":null}\n\n"
                + "data:{\"index\":2,\"token\":{\"id\":2,\"text\":\" there.\",\"logprob\":-0.1,\"special\":false},\"generated_text\":null,\"details\":null}\n\n"
                + "data:{\"index\":3,\"token\":{\"id\":3,\"text\":\"<|eot_id|>\",\"logprob\":-0.1,\"special\":true},\"generated_text\":\"Hello there.\","
                + "\"details\":{\"finish_reason\":\"eos_token\",\"generated_tokens\":3,\"input_length\":10,\"seed\":null}}\n\n");
    }

    static Script azure(boolean stream, boolean tool) {
        String head = "\"id\":\"chatcmpl-az\",\"created\":1762317021,\"model\":\"gpt-5-nano-2025-08-07\",";
        String call = "{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}";
        if (!stream) {
            String message = tool ? "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + call + "]}"
                    : "{\"role\":\"assistant\",\"content\":\"Hello there.\"}";
            return new Script(JSON, "{" + head + "\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":" + message
                    + ",\"finish_reason\":\"" + (tool ? "tool_calls" : "stop") + "\",\"content_filter_results\":{}}],"
                    + "\"prompt_filter_results\":[{\"prompt_index\":0,\"content_filter_results\":{}}],"
                    + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":" + (tool ? 7 : 3) + ",\"total_tokens\":" + (tool ? 17 : 13) + "}}");
        }
        StringBuilder sb = new StringBuilder();
        data(sb, "{\"choices\":[],\"created\":0,\"id\":\"\",\"model\":\"\",\"object\":\"\",\"prompt_filter_results\":[{\"prompt_index\":0,\"content_filter_results\":{}}]}");
        String chunk = "{" + head + "\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":%s,\"finish_reason\":%s}]}";
        data(sb, chunk.formatted("{\"role\":\"assistant\",\"content\":\"\"}", "null"));
        if (tool) {
            data(sb, chunk.formatted("{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}", "null"));
            data(sb, chunk.formatted("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}", "null"));
        } else {
            data(sb, chunk.formatted("{\"content\":\"Hello\"}", "null"));
            data(sb, chunk.formatted("{\"content\":\" there.\"}", "null"));
        }
        data(sb, chunk.formatted("{}", tool ? "\"tool_calls\"" : "\"stop\""));
        data(sb, "{" + head + "\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":"
                + (tool ? 7 : 3) + ",\"total_tokens\":" + (tool ? 17 : 13) + "}}");
        data(sb, "[DONE]");
        return new Script(SSE, sb.toString());
    }

    private static void event(StringBuilder sb, String name, String data) {
        sb.append("event: ").append(name).append('\n');
        data(sb, data);
    }

    private static void data(StringBuilder sb, String data) {
        sb.append("data: ").append(data).append("\n\n");
    }
}
