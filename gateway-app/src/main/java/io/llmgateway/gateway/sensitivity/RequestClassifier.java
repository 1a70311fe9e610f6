package io.llmgateway.gateway.sensitivity;

import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.RequestText;
import io.llmgateway.gateway.proxy.CallContext;
import io.llmgateway.gateway.routing.Detection;
import io.llmgateway.policy.App;
import io.llmgateway.policy.DataClass;
import io.llmgateway.policy.DataClasses;
import io.llmgateway.policy.Policy;
import io.llmgateway.policy.PolicyException;
import io.llmgateway.policy.sensitivity.ClassifierConfig;
import io.llmgateway.policy.sensitivity.Finding;
import io.llmgateway.policy.sensitivity.Redaction;
import io.llmgateway.policy.sensitivity.RedactionMap;
import io.llmgateway.policy.sensitivity.Redactor;
import io.llmgateway.policy.sensitivity.ScanResult;
import io.llmgateway.policy.sensitivity.SensitivityClassifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sensitivity classifier of one policy version, as the gateway applies it: scans every text of a
 * request once ({@link RequestText#visit}), maps the findings to data classes, masks the findings the app
 * redacts, and fails closed: a scan that is incomplete (size cap, deadline, regex budget, a failing
 * detector) or that throws makes the request the most sensitive class. Immutable and thread-safe; built
 * once per policy ({@link #compile}) and kept in the routing state. Never logs or returns matched text.
 */
public final class RequestClassifier {

    private static final Logger log = LoggerFactory.getLogger(RequestClassifier.class);

    private final SensitivityClassifier classifier;
    private final FindingClasses classes;
    private final DataClass mostSensitive;

    private RequestClassifier(SensitivityClassifier classifier, FindingClasses classes, DataClass mostSensitive) {
        this.classifier = classifier;
        this.classes = classes;
        this.mostSensitive = mostSensitive;
    }

    /**
     * The classifier of {@code policy}'s {@code sensitivity} section.
     *
     * @param scanTimeout time budget of one scan ({@link Duration#ZERO}: none; the size cap still bounds it)
     * @throws PolicyException naming {@code sensitivity.*} paths when the section cannot be applied
     */
    public static RequestClassifier compile(Policy policy, Duration scanTimeout) {
        List<PolicyException.Problem> problems = new ArrayList<>();
        ClassifierConfig config = ClassifierSettings.config(policy.sensitivity(), scanTimeout, policy.source(), problems);
        if (config == null) {
            throw new PolicyException(problems);
        }
        SensitivityClassifier classifier = SensitivityClassifier.of(config);
        FindingClasses classes = FindingClasses.compile(policy.sensitivity(), classifier.detectors(), policy.source(), problems);
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
        return new RequestClassifier(classifier, classes, policy.dataClasses().highest());
    }

    /** Classifies {@code request} of {@code app}; never throws. */
    public Classification classify(OpenAiRequest request, App app) {
        long start = System.nanoTime();
        List<String> texts = new ArrayList<>();
        BitSet fixed = new BitSet();
        try {
            RequestText.visit(request, (text, rewritable) -> {
                fixed.set(texts.size(), !rewritable);
                texts.add(text);
            });
            ScanResult result = classifier.scan(texts);
            return decide(request, app, texts, fixed, result, start);
        } catch (RuntimeException e) {
            // the exception's message is not logged: it could quote request text
            log.warn("sensitivity classification failed ({}); the request is treated as '{}'",
                    e.getClass().getName(), mostSensitive.id());
            return new Classification(new Detection(mostSensitive, Set.of(), Set.of(), true), request, RedactionMap.empty(),
                    new CallContext.Sensitivity(Map.of(), Set.of(), "failed", System.nanoTime() - start), List.of());
        }
    }

    private Classification decide(OpenAiRequest request, App app, List<String> texts, BitSet fixed, ScanResult result,
                                  long start) {
        boolean complete = !result.truncated();
        DataClass implied = complete ? null : mostSensitive;
        List<Finding> toMask = new ArrayList<>();
        List<Classification.FindingVerdict> verdicts = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<String> categories = new LinkedHashSet<>();
        for (Finding f : result.findings()) {
            DataClass c = classes.of(f.detectorId());
            boolean mask = complete && c != null && app.redact().contains(c.id())
                    && f.spans().stream().noneMatch(s -> fixed.get(s.textIndex()));
            if (mask) {
                toMask.add(f);
            } else {
                implied = DataClasses.max(implied, c);
            }
            String category = classes.categoryOf(f.detectorId());
            categories.add(category);
            counts.put(f.detectorId(), f.count());
            verdicts.add(new Classification.FindingVerdict(f.detectorId(), category, f.count(), c, mask));
        }
        OpenAiRequest outgoing = request;
        RedactionMap restore = RedactionMap.empty();
        if (!toMask.isEmpty()) {
            Redaction r = Redactor.redact(texts, result, toMask::contains);
            outgoing = RequestText.rewrite(request, r.texts());
            restore = r.map();
        }
        Set<String> masked = new LinkedHashSet<>();
        toMask.forEach(f -> masked.add(f.detectorId()));
        String scan = complete ? "complete" : result.truncationCause().name().toLowerCase(Locale.ROOT);
        return new Classification(new Detection(implied, counts.keySet(), categories, !complete), outgoing, restore,
                new CallContext.Sensitivity(counts, masked, scan, System.nanoTime() - start), verdicts);
    }
}
