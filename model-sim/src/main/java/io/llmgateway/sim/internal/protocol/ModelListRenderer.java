package io.llmgateway.sim.internal.protocol;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /v1/models} and {@code GET /v1/models/{id}} bodies, shaped like vLLM's model cards. */
public final class ModelListRenderer {
    private final long created = System.currentTimeMillis() / 1000;
    private final String ownedBy;

    public ModelListRenderer(String ownedBy) {
        this.ownedBy = ownedBy;
    }

    public String list(List<ServedModel> models) {
        ObjectNode body = Json.object().put("object", "list");
        var data = body.putArray("data");
        models.forEach(m -> data.add(card(m)));
        return Json.write(body);
    }

    public String one(ServedModel model) {
        return Json.write(card(model));
    }

    private ObjectNode card(ServedModel m) {
        ObjectNode card = Json.object().put("id", m.name()).put("object", "model").put("created", created)
                .put("owned_by", ownedBy).put("root", m.name());
        card.putNull("parent");
        card.put("max_model_len", m.maxModelLen());
        ObjectNode perm = card.putArray("permission").addObject().put("id", "modelperm-sim-" + m.name())
                .put("object", "model_permission").put("created", created).put("allow_create_engine", false)
                .put("allow_sampling", true).put("allow_logprobs", true).put("allow_search_indices", false)
                .put("allow_view", true).put("allow_fine_tuning", false).put("organization", "*");
        perm.putNull("group");
        perm.put("is_blocking", false);
        return card;
    }
}
