package io.llmgateway.policy.sensitivity.evaluation;

/** True positives, false positives and false negatives of one row; mutable while counting. */
final class Tally {

    int cases;
    int tp;
    int fp;
    int fn;

    void add(int truePositives, int falsePositives, int falseNegatives) {
        cases++;
        tp += truePositives;
        fp += falsePositives;
        fn += falseNegatives;
    }

    void addAll(Tally other) {
        cases += other.cases;
        tp += other.tp;
        fp += other.fp;
        fn += other.fn;
    }

    /** Precision, or 1 when nothing was predicted. */
    double precision() {
        return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    /** Recall, or 1 when nothing was expected. */
    double recall() {
        return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }
}
