package io.llmgateway.bench.classifier;

import io.llmgateway.policy.sensitivity.ClassifierConfig;
import io.llmgateway.policy.sensitivity.ScanResult;
import io.llmgateway.policy.sensitivity.SensitivityClassifier;
import java.util.List;
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

/**
 * Classification of one request text of 4 KB, 50 KB and 200 KB with every built-in detector
 * ({@code policy=builtin}), and with a policy's custom keywords (200 code names) and two custom
 * regexes added ({@code policy=custom}). Sample mode reports the median; linear scaling shows as the
 * time per KB staying flat across sizes, for prompts and for adversarial text.
 *
 * <pre>java -jar bench/target/benchmarks.jar Classifier -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClassifierBenchmark {

    @Param({"4096", "51200", "204800"})
    public int chars;

    @Param({"prompt", "adversarial"})
    public String kind;

    @Param({"builtin", "custom"})
    public String policy;

    private SensitivityClassifier classifier;
    private List<String> texts;

    @Setup
    public void setUp() {
        ClassifierConfig.Builder config = ClassifierConfig.custom();
        if (policy.equals("custom")) {
            config.customRegex("customer-id", "CUST-\\d{6}").customRegex("ticket", "(?i)ticket\\s+\\d{4,6}");
            List<String> codeNames = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                codeNames.add("project-" + Integer.toString(i * 7919, 36));
            }
            config.customKeywords("projects", codeNames);
        }
        classifier = SensitivityClassifier.of(config.build());
        texts = List.of(kind.equals("prompt") ? PromptCorpus.prompt(chars) : PromptCorpus.adversarial(chars));
    }

    @Benchmark
    public ScanResult classify() {
        return classifier.scan(texts);
    }
}
