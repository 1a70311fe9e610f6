package io.llmgateway.policy.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.llmgateway.policy.PolicyException;
import io.llmgateway.policy.PolicyLoader;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * {@code PolicyLoader.parse} on anything: it returns a policy or throws {@link PolicyException} whose
 * problems name the source, never another exception, and never takes long (each call is bounded).
 */
class PolicyLoaderFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @Property(tries = 400)
    void mutatedPoliciesLoadOrAreRefusedWithAPolicyException(@ForAll("mutants") String yaml) {
        onlyPolicyException(yaml);
    }

    @Property(tries = 150)
    void randomTextIsRefusedWithAPolicyException(@ForAll @StringLength(max = 400) String text) {
        onlyPolicyException(text);
    }

    @Property(tries = 60)
    void hostileStructuresAreRefusedInBoundedTime(@ForAll("hostile") String yaml) {
        onlyPolicyException(yaml);
    }

    @Provide
    Arbitrary<String> mutants() {
        Arbitrary<YamlMutation> one = Combinators.combine(Arbitraries.integers().between(0, YamlMutation.KINDS - 1),
                Arbitraries.longs()).as(YamlMutation::new);
        return Combinators.combine(Arbitraries.of(PolicySeeds.ALL), one.list().ofMinSize(1).ofMaxSize(6))
                .as(PolicyLoaderFuzzTest::applyAll);
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<Integer> depth = Arbitraries.integers().between(30, 20_000);
        return Arbitraries.oneOf(
                depth.map(d -> "deployments: " + "[".repeat(d) + "]".repeat(d)),
                depth.map(d -> "models: " + "{a: ".repeat(d) + "x" + "}".repeat(d)),
                Arbitraries.integers().between(2, 12).map(PolicyLoaderFuzzTest::billionLaughs),
                Arbitraries.integers().between(1, 400).map(n -> "deployments:\n" + "  - id: d\n".repeat(n) + "models: {}\n"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(8).map(k -> "apps:\n  - id: " + k + "\n    key: " + k + "\n".repeat(3)),
                Arbitraries.integers().between(1, 64).map(n -> "deployments:\n  - id: " + "9".repeat(n * 100) + "\n"),
                Arbitraries.of("!!java.net.URL [\"http://x\"]", "!!javax.script.ScriptEngineManager []", "%YAML 9.9\n---\na: 1",
                        "---\n---\n---", "\uFEFFdeployments: []", "a: !!binary AAAA", "? [a, b]\n: c", "<<: *x", "&x a: *x",
                        "deployments: *nothing", "\u0000", "models: {a: [b, c]}\nmodels: {}"));
    }

    private static String billionLaughs(int levels) {
        StringBuilder b = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i <= levels; i++) {
            b.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                b.append(j == 0 ? "" : ",").append("*a").append(i - 1);
            }
            b.append("]\n");
        }
        return b + "deployments: *a" + levels + "\n";
    }

    private static String applyAll(String seed, List<YamlMutation> edits) {
        String out = seed;
        for (YamlMutation m : edits) {
            if (!out.isEmpty()) {
                out = m.apply(out);
            }
        }
        return out;
    }

    private static void onlyPolicyException(String yaml) {
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                PolicyLoader.parse("fuzz.yaml", yaml);
            } catch (PolicyException e) {
                assertThat(e.problems()).isNotEmpty();
                assertThat(e.getMessage()).contains("fuzz.yaml");
            }
        }, () -> "PolicyLoader.parse did not return within " + BOUND + " on:\n" + abbreviate(yaml));
    }

    private static String abbreviate(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) + "... (" + s.length() + " chars)" : s;
    }
}
