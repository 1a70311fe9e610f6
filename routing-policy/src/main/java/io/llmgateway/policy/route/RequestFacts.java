package io.llmgateway.policy.route;

import io.llmgateway.policy.Capability;
import io.llmgateway.policy.DataClass;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the planner knows about one request. Built by the gateway from the parsed request; holds no
 * prompt text. Use {@link #builder}.
 *
 * @param appId                 the authenticated app
 * @param alias                 the model alias the client asked for
 * @param operation             chat, completions or embeddings
 * @param estimatedPromptTokens estimate from the request text
 * @param maxTokens             requested output limit, or 0 if the client set none
 * @param stream                whether the client asked for a stream
 * @param tools                 whether the request carries tool definitions
 * @param json                  whether it asks for JSON output ({@code response_format} json_object or json_schema)
 * @param capabilities          what a deployment needs to serve it (operation, tools, json_schema, vision)
 * @param headers               request headers the policy may match on (lower-case names; only those rules use)
 * @param dataClass             effective data class (max of app floor, declared, detected, default)
 * @param declaredDataClass     class declared by the client ({@code x-data-class}), or null
 * @param findings              detector ids that fired
 * @param findingCategories     categories of those findings ({@code pii}, {@code secret}, {@code source-code}, ...)
 * @param receivedAtMillis      when the request arrived (epoch ms), for time-of-day rules
 * @param seed                  random per request, for the {@code weighted} strategy
 */
public record RequestFacts(
        String appId,
        String alias,
        String operation,
        int estimatedPromptTokens,
        int maxTokens,
        boolean stream,
        boolean tools,
        boolean json,
        Set<Capability> capabilities,
        Map<String, String> headers,
        DataClass dataClass,
        String declaredDataClass,
        Set<String> findings,
        Set<String> findingCategories,
        long receivedAtMillis,
        long seed) {

    public RequestFacts {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(operation, "operation");
        capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        headers = Map.copyOf(headers);
        Objects.requireNonNull(dataClass, "dataClass");
        findings = Set.copyOf(findings);
        findingCategories = Set.copyOf(findingCategories);
    }

    public static Builder builder(String appId, String alias, DataClass dataClass) {
        return new Builder(appId, alias, dataClass);
    }

    /** The capabilities an operation and its features need. */
    public static Set<Capability> capabilitiesFor(String operation, boolean tools, boolean jsonSchema, boolean vision) {
        Set<Capability> out = EnumSet.noneOf(Capability.class);
        Capability op = Capability.parse(operation);
        if (op != null) {
            out.add(op);
        }
        if (tools) {
            out.add(Capability.TOOLS);
        }
        if (jsonSchema) {
            out.add(Capability.JSON_SCHEMA);
        }
        if (vision) {
            out.add(Capability.VISION);
        }
        return out;
    }

    /** Builds {@link RequestFacts}; everything but app, alias and data class has a neutral default. */
    public static final class Builder {
        private final String appId;
        private final String alias;
        private final DataClass dataClass;
        private String operation = "chat";
        private int promptTokens;
        private int maxTokens;
        private boolean stream;
        private boolean tools;
        private boolean json;
        private Set<Capability> capabilities = Set.of();
        private Map<String, String> headers = Map.of();
        private String declared;
        private Set<String> findings = Set.of();
        private Set<String> categories = Set.of();
        private long receivedAt = System.currentTimeMillis();
        private long seed;

        private Builder(String appId, String alias, DataClass dataClass) {
            this.appId = appId;
            this.alias = alias;
            this.dataClass = dataClass;
        }

        public Builder operation(String v) { this.operation = v; return this; }
        public Builder promptTokens(int v) { this.promptTokens = v; return this; }
        public Builder maxTokens(int v) { this.maxTokens = v; return this; }
        public Builder stream(boolean v) { this.stream = v; return this; }
        public Builder tools(boolean v) { this.tools = v; return this; }
        public Builder json(boolean v) { this.json = v; return this; }
        public Builder capabilities(Set<Capability> v) { this.capabilities = v; return this; }
        public Builder headers(Map<String, String> v) { this.headers = v; return this; }
        public Builder header(String lowerCaseName, String value) {
            Map<String, String> m = new java.util.HashMap<>(headers);
            m.put(lowerCaseName, value);
            this.headers = m;
            return this;
        }
        public Builder declaredDataClass(String v) { this.declared = v; return this; }
        public Builder findings(Set<String> detectorIds, Set<String> categories) {
            this.findings = detectorIds;
            this.categories = categories;
            return this;
        }
        public Builder receivedAt(long epochMillis) { this.receivedAt = epochMillis; return this; }
        public Builder seed(long v) { this.seed = v; return this; }

        public RequestFacts build() {
            return new RequestFacts(appId, alias, operation, promptTokens, maxTokens, stream, tools, json, capabilities,
                    headers, dataClass, declared, findings, categories, receivedAt, seed);
        }
    }
}
