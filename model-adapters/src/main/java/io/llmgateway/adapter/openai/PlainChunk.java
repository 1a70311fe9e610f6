package io.llmgateway.adapter.openai;

import io.llmgateway.adapter.schema.WireJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * One OpenAI stream event read with the streaming parser instead of a tree: its identity and, per
 * choice, the index, whether the delta names a role, and the finish reason. Most events of a stream are
 * plain token deltas that pass through byte for byte; reading them this way costs a fraction of a tree.
 * {@link #scan} answers only for such an event: identity complete ({@code id}, {@code object} other than
 * {@code error}, {@code created}, {@code model}), no {@code usage} other than null, no {@code error}, no
 * tool calls, choice indexes in range and distinct, no repeated known key. Anything else, including what
 * it does not recognise, gives null, and the translator reads the event as a tree as before.
 */
final class PlainChunk {

    private static final int MAX_CHOICES = 8;

    final String id;
    final long created;
    final String model;
    final int choices;
    final int[] index;
    final boolean[] role;
    final String[] finishReason;

    private PlainChunk(String id, long created, String model, int choices, int[] index, boolean[] role, String[] finishReason) {
        this.id = id;
        this.created = created;
        this.model = model;
        this.choices = choices;
        this.index = index;
        this.role = role;
        this.finishReason = finishReason;
    }

    /** The event's summary, or null if it needs the full path. */
    static PlainChunk scan(String data) {
        try (JsonParser p = WireJson.MAPPER.createParser(data)) {
            return p.nextToken() == JsonToken.START_OBJECT ? root(p) : null;
        } catch (JacksonException | ArithmeticException e) {
            return null;
        }
    }

    private static PlainChunk root(JsonParser p) {
        String id = null;
        String object = null;
        String model = null;
        long created = 0;
        int seen = 0;
        int choices = 0;
        int[] index = new int[MAX_CHOICES];
        boolean[] role = new boolean[MAX_CHOICES];
        String[] finish = new String[MAX_CHOICES];
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken t = p.nextToken();
            int bit = switch (name) {
                case "id" -> 1;
                case "object" -> 2;
                case "created" -> 4;
                case "model" -> 8;
                case "choices" -> 16;
                case "usage" -> 32;
                case "error" -> 64;
                default -> 0;
            };
            // a repeated known key, an error, or an identity field of another type: the tree decides
            boolean text = bit == 1 || bit == 2 || bit == 8;
            if ((seen & bit) != 0 || bit == 64 || text && t != JsonToken.VALUE_STRING || bit == 4 && t != JsonToken.VALUE_NUMBER_INT) {
                return null;
            }
            seen |= bit;
            switch (bit) {
                case 1 -> id = p.getString();
                case 2 -> object = p.getString();
                case 4 -> created = p.getLongValue();
                case 8 -> model = p.getString();
                case 16 -> {
                    if (t != JsonToken.START_ARRAY) {
                        return null;
                    }
                    for (JsonToken c = p.nextToken(); c != JsonToken.END_ARRAY; c = p.nextToken()) {
                        if (c != JsonToken.START_OBJECT || choices == MAX_CHOICES || !choice(p, choices, index, role, finish)) {
                            return null;
                        }
                        for (int i = 0; i < choices; i++) {
                            if (index[i] == index[choices]) {
                                return null;
                            }
                        }
                        choices++;
                    }
                }
                case 32 -> {
                    if (t != JsonToken.VALUE_NULL) {
                        return null;
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (p.nextToken() != null || id == null || id.isEmpty() || object == null || object.isEmpty()
                || "error".equals(object) || created <= 0 || model == null || model.isEmpty()) {
            return null;
        }
        return new PlainChunk(id, created, model, choices, index, role, finish);
    }

    /** One choice object, the parser on its start; false if it needs the full path. */
    private static boolean choice(JsonParser p, int at, int[] index, boolean[] role, String[] finish) {
        int seen = 0;
        index[at] = 0;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "index" -> {
                    if ((seen & 1) != 0 || t != JsonToken.VALUE_NUMBER_INT) {
                        return false;
                    }
                    index[at] = p.getIntValue();
                    seen |= 1;
                }
                case "delta" -> {
                    if ((seen & 2) != 0 || t != JsonToken.START_OBJECT || !delta(p, at, role)) {
                        return false;
                    }
                    seen |= 2;
                }
                case "finish_reason" -> {
                    if ((seen & 4) != 0 || t != JsonToken.VALUE_NULL && t != JsonToken.VALUE_STRING) {
                        return false;
                    }
                    finish[at] = t == JsonToken.VALUE_STRING ? p.getString() : null;
                    seen |= 4;
                }
                default -> p.skipChildren();
            }
        }
        return index[at] >= 0 && index[at] < 4096;
    }

    private static boolean delta(JsonParser p, int at, boolean[] role) {
        role[at] = false;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            p.nextToken();
            if ("tool_calls".equals(name) || "role".equals(name) && role[at]) {
                return false;
            }
            role[at] |= "role".equals(name);
            p.skipChildren();
        }
        return true;
    }
}
