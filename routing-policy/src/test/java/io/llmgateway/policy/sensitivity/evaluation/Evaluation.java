package io.llmgateway.policy.sensitivity.evaluation;

import io.llmgateway.policy.sensitivity.FindingKind;
import io.llmgateway.policy.sensitivity.ScanResult;
import io.llmgateway.policy.sensitivity.SensitivityClassifier;
import io.llmgateway.policy.sensitivity.Span;
import io.llmgateway.policy.sensitivity.pii.IpAddressScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Scores labelled cases against a classifier and renders the table. */
final class Evaluation {

    /** {@code -Devaluation.verbose=true} prints every case that was not scored perfectly (public test data only). */
    private static final boolean VERBOSE = Boolean.getBoolean("evaluation.verbose");

    private final SensitivityClassifier classifier;
    private final Map<Row, Tally> rows = new TreeMap<>();

    Evaluation(SensitivityClassifier classifier) {
        this.classifier = classifier;
    }

    void score(List<LabelledCase> cases) {
        for (LabelledCase c : cases) {
            List<int[]> predicted = predicted(c.row().detector(), c.text());
            Tally t = rows.computeIfAbsent(c.row(), r -> new Tally());
            int errorsBefore = t.fp + t.fn;
            switch (c.mode()) {
                case SPANS -> scoreSpans(t, c.spans(), predicted);
                case COUNT -> {
                    int p = predicted.size();
                    t.add(Math.min(p, c.expected()), Math.max(0, p - c.expected()), Math.max(0, c.expected() - p));
                }
                case WHOLE -> {
                    boolean hit = predicted.stream().anyMatch(s -> s[0] == 0 && s[1] == c.text().length());
                    t.add(hit && c.expected() == 1 ? 1 : 0, hit && c.expected() == 0 ? 1 : 0, !hit && c.expected() == 1 ? 1 : 0);
                }
                case PRESENCE -> {
                    boolean hit = !predicted.isEmpty();
                    t.add(hit && c.expected() == 1 ? 1 : 0, hit && c.expected() == 0 ? 1 : 0, !hit && c.expected() == 1 ? 1 : 0);
                }
            }
            if (VERBOSE && t.fp + t.fn > errorsBefore) {
                System.out.println("MISS " + c.row() + " expected=" + c.expected() + " predicted=" + predicted.size()
                        + " text=" + c.text().substring(0, Math.min(160, c.text().length())).replace("\n", "\\n"));
            }
        }
    }

    private static void scoreSpans(Tally t, List<int[]> expected, List<int[]> predicted) {
        boolean[] used = new boolean[expected.size()];
        int tp = 0;
        int fp = 0;
        for (int[] p : predicted) {
            int match = -1;
            for (int i = 0; i < expected.size() && match < 0; i++) {
                if (!used[i] && p[0] < expected.get(i)[1] && expected.get(i)[0] < p[1]) {
                    match = i;
                }
            }
            if (match >= 0) {
                used[match] = true;
                tp++;
            } else {
                fp++;
            }
        }
        t.add(tp, fp, expected.size() - tp);
    }

    private List<int[]> predicted(String detector, String text) {
        List<int[]> out = new ArrayList<>();
        if (detector.equals("ip-address")) {
            IpAddressScanner.scan(text, (start, end, privateRange) -> out.add(new int[] {start, end}));
            return out;
        }
        ScanResult result = classifier.scan(List.of(text));
        result.findings().forEach(f -> {
            boolean wanted = switch (detector) {
                case "cn-phone" -> f.detectorId().equals("cn-mobile") || f.detectorId().equals("cn-landline");
                case "secret (any)" -> f.kind() == FindingKind.SECRET;
                default -> f.detectorId().equals(detector);
            };
            if (wanted) {
                for (Span s : f.spans()) {
                    out.add(new int[] {s.start(), s.end()});
                }
            }
        });
        return out;
    }

    /** Totals per detector (all sources). */
    Map<String, Tally> byDetector() {
        Map<String, Tally> totals = new TreeMap<>();
        rows.forEach((row, t) -> totals.computeIfAbsent(row.detector(), d -> new Tally()).addAll(t));
        return totals;
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| detector | labels | cases | TP | FP | FN | precision | recall |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        rows.forEach((row, t) -> sb.append(String.format(java.util.Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %.3f | %.3f |%n",
                row.detector(), row.source(), t.cases, t.tp, t.fp, t.fn, t.precision(), t.recall())));
        return sb.toString();
    }
}
