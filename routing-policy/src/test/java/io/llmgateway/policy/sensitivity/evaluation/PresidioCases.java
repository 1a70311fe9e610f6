package io.llmgateway.policy.sensitivity.evaluation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Presidio's recognizer test cases (credit card, e-mail, IBAN, IP address). IP cases are scored twice:
 * against the address parser (every address) and against {@code private-ip}, whose labels keep the
 * expected addresses the JDK calls site- or link-local, plus RFC 4193 unique-local and RFC 6598
 * shared (CGNAT) addresses.
 */
final class PresidioCases {

    private static final String SOURCE = "presidio";

    private PresidioCases() {
    }

    static List<LabelledCase> load(SharedData data) {
        List<LabelledCase> cases = new ArrayList<>();
        for (Map<String, Object> c : data.jsonArray("pii/presidio/presidio_recognizer_test_cases.json")) {
            String file = (String) c.get("source_file");
            String text = (String) (c.containsKey("iban") ? c.get("iban") : c.get("text"));
            int expected = ((Number) c.get("expected_len")).intValue();
            List<int[]> spans = spans(c);
            if (file.endsWith("test_credit_card_recognizer.py")) {
                cases.add(of(new Row("bank-card", SOURCE), text, spans, expected));
            } else if (file.endsWith("test_email_recognizer.py")) {
                cases.add(of(new Row("email", SOURCE), text, spans, expected));
            } else if (file.endsWith("test_iban_recognizer.py")) {
                cases.add(of(new Row("iban", SOURCE), text, spans, expected));
            } else if (file.endsWith("test_ip_recognizer.py")) {
                cases.add(of(new Row("ip-address", SOURCE), text, spans, expected));
                if (spans != null) {
                    cases.add(LabelledCase.spans(new Row("private-ip", SOURCE), text, privateOnly(text, spans)));
                }
            }
        }
        return cases;
    }

    private static LabelledCase of(Row row, String text, List<int[]> spans, int expected) {
        return spans != null && spans.size() == expected ? LabelledCase.spans(row, text, spans) : LabelledCase.count(row, text, expected);
    }

    @SuppressWarnings("unchecked")
    private static List<int[]> spans(Map<String, Object> c) {
        Object raw = c.containsKey("expected_res") ? c.get("expected_res") : c.get("expected_positions");
        if (!(raw instanceof List<?> list)) {
            return ((Number) c.get("expected_len")).intValue() == 0 ? List.of() : null;
        }
        List<int[]> spans = new ArrayList<>();
        for (Object o : list) {
            List<Number> pair = (List<Number>) o;
            spans.add(new int[] {pair.get(0).intValue(), pair.get(1).intValue()});
        }
        return spans;
    }

    private static List<int[]> privateOnly(String text, List<int[]> spans) {
        List<int[]> kept = new ArrayList<>();
        for (int[] s : spans) {
            if (isPrivate(text.substring(s[0], s[1]))) {
                kept.add(s);
            }
        }
        return kept;
    }

    /** The oracle: JDK classification plus the two ranges the JDK does not know. */
    static boolean isPrivate(String literal) {
        String address = literal.contains("%") ? literal.substring(0, literal.indexOf('%')) : literal;
        try {
            InetAddress a = InetAddress.getByName(address);
            byte[] b = a.getAddress();
            boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
            boolean cgnat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
            return a.isSiteLocalAddress() || a.isLinkLocalAddress() || uniqueLocal || cgnat;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
