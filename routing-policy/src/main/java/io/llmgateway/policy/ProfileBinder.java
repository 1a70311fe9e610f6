package io.llmgateway.policy;

import io.llmgateway.policy.yaml.ConfigNode;
import java.util.EnumSet;
import java.util.Set;

/** Binds the serving-profile fields of a deployment: context window, capabilities, concurrency, cost inputs. */
final class ProfileBinder {

    private static final Set<String> PRICE_FIELDS = Set.of("input-per-1m", "output-per-1m", "cached-input-per-1m");

    private ProfileBinder() {
    }

    static Profile bind(Fields f) {
        Profile d = Profile.DEFAULTS;
        int context = f.integer("context-window", 1, 100_000_000, d.contextWindow());
        Set<Capability> caps = d.capabilities();
        boolean declared = f.has("capabilities");
        if (declared) {
            caps = capabilities(f.get("capabilities"));
        }
        int maxConcurrency = f.integer("max-concurrency", 1, 1_000_000, d.maxConcurrency());
        int gpus = f.integer("gpus", 1, 4096, d.gpus());
        Price price = f.has("price") ? price(f.get("price")) : null;
        var metrics = f.url("metrics-url", false);
        int weight = f.integer("weight", 0, 1_000_000, d.weight());
        return new Profile(context, caps, declared, maxConcurrency, gpus, price, metrics, weight);
    }

    private static Set<Capability> capabilities(ConfigNode node) {
        int before = node.problems().size();
        Set<Capability> out = EnumSet.noneOf(Capability.class);
        for (ConfigNode item : node.isList() ? node.items() : java.util.List.of(node)) {
            String s = item.text();
            if (s == null) {
                continue;
            }
            Capability c = Capability.parse(s);
            if (c == null) {
                item.fail("unknown capability '" + s + "' (known: chat, completions, embeddings, tools, json_schema, vision)");
            } else if (!out.add(c)) {
                item.fail("lists capability '" + s + "' twice");
            }
        }
        if (out.isEmpty() && node.problems().size() == before) {
            node.fail("must list at least one capability");
        }
        return out;
    }

    private static Price price(ConfigNode node) {
        Fields f = Fields.of(node, PRICE_FIELDS);
        double in = f.has("input-per-1m") ? f.number("input-per-1m", 0, 1e6, 0) : missing(f, "input-per-1m");
        double out = f.has("output-per-1m") ? f.number("output-per-1m", 0, 1e6, 0) : missing(f, "output-per-1m");
        double cached = f.number("cached-input-per-1m", 0, 1e6, in);
        return f.failed() ? null : new Price(in, out, cached);
    }

    private static double missing(Fields f, String key) {
        f.node().fail("missing required field '" + key + "'");
        return 0;
    }
}
