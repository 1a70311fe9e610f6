package io.llmgateway.sim.internal.protocol;

import io.llmgateway.sim.internal.text.GeneratedText;
import io.llmgateway.sim.internal.text.JsonValueGenerator;
import io.llmgateway.sim.internal.text.Seeds;
import io.llmgateway.sim.internal.text.TextFragments;
import io.llmgateway.sim.internal.text.TextGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides the content of a response. Each choice is seeded by (node seed, model, prompt hash, request
 * seed, choice number), so the same request to the same node configuration gives the same answer.
 */
public final class ScriptPlanner {
    private ScriptPlanner() {
    }

    public static CompletionScript chat(ChatCall call, long nodeSeed) {
        SamplingParams p = call.params();
        int cap = p.tokenCap(call.promptTokens(), call.model().maxModelLen());
        List<ScriptedChoice> choices = new ArrayList<>();
        for (int i = 0; i < p.n(); i++) {
            long seed = seed(nodeSeed, call.model(), call.promptHash(), p, i);
            if (call.toolCall() != null) {
                String args = Json.write(JsonValueGenerator.generate(call.toolCall().parameters(), seed));
                List<String> fragments = TextFragments.split(args);
                boolean cut = fragments.size() + 1 > cap;
                choices.add(new ScriptedChoice(i, cut ? fragments.subList(0, cap - 1) : fragments,
                        cut ? "length" : "tool_calls", "chatcmpl-tool-" + Long.toHexString(seed & Long.MAX_VALUE),
                        call.toolCall().name()));
            } else if (call.jsonOutput()) {
                List<String> fragments = TextFragments.split(Json.write(JsonValueGenerator.generate(call.jsonSchema(), seed)));
                boolean cut = fragments.size() > cap;
                choices.add(ScriptedChoice.text(i, cut ? fragments.subList(0, cap) : fragments, cut ? "length" : "stop"));
            } else {
                GeneratedText text = TextGenerator.generate(seed, cap, p.stops(), p.minTokens(), p.ignoreEos());
                choices.add(ScriptedChoice.text(i, text.tokens(), text.finishReason()));
            }
        }
        return new CompletionScript(call.model().name(), call.promptTokens(), choices);
    }

    public static CompletionScript completion(CompletionCall call, long nodeSeed) {
        SamplingParams p = call.params();
        List<ScriptedChoice> choices = new ArrayList<>();
        for (int prompt = 0; prompt < call.prompts().size(); prompt++) {
            PromptInput in = call.prompts().get(prompt);
            int cap = p.tokenCap(in.tokens(), call.model().maxModelLen());
            for (int i = 0; i < p.n(); i++) {
                GeneratedText text = TextGenerator.generate(seed(nodeSeed, call.model(), in.hash(), p, i), cap,
                        p.stops(), p.minTokens(), p.ignoreEos());
                choices.add(ScriptedChoice.text(prompt * p.n() + i, text.tokens(), text.finishReason()));
            }
        }
        return new CompletionScript(call.model().name(), call.promptTokens(), choices);
    }

    private static long seed(long nodeSeed, ServedModel model, long promptHash, SamplingParams p, int choice) {
        long requestSeed = p.seed() == null ? 0x5eed : p.seed();
        return Seeds.mix(nodeSeed, Seeds.hash(model.name()), promptHash, requestSeed, choice);
    }
}
