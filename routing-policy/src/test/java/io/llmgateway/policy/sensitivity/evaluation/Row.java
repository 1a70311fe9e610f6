package io.llmgateway.policy.sensitivity.evaluation;

/**
 * A row of the evaluation table.
 *
 * @param detector what is measured: a finding id, a group such as {@code cn-phone}, or
 *                 {@code ip-address} (the parser behind {@code private-ip})
 * @param source   where the labels come from
 */
record Row(String detector, String source) implements Comparable<Row> {

    @Override
    public int compareTo(Row o) {
        int c = detector.compareTo(o.detector);
        return c != 0 ? c : source.compareTo(o.source);
    }
}
