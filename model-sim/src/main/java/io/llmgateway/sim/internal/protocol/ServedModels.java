package io.llmgateway.sim.internal.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The models of one node, by name, in configuration order. */
public final class ServedModels {
    private final Map<String, ServedModel> byName = new LinkedHashMap<>();

    public ServedModels(List<String> names, int maxModelLen) {
        names.forEach(n -> byName.put(n, ServedModel.of(n, maxModelLen)));
    }

    public List<ServedModel> all() {
        return List.copyOf(byName.values());
    }

    public ServedModel find(String name) {
        return byName.get(name);
    }

    /** The model a request names: 404 when unknown, 400 when it cannot serve {@code endpoint}. */
    public ServedModel require(String name, boolean embeddingEndpoint, String endpoint) {
        ServedModel m = byName.get(name);
        if (m == null) {
            throw ApiException.modelNotFound(name);
        }
        if (m.embedding() != embeddingEndpoint) {
            throw ApiException.badRequest("The model `" + name + "` does not support the " + endpoint + " API.", "model");
        }
        return m;
    }
}
