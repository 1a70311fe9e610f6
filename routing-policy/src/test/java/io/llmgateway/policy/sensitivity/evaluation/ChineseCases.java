package io.llmgateway.policy.sensitivity.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Chinese cases: issue9/is validator cases (each value scored as a whole: the detector must
 * match exactly the whole value if and only if it is valid) and the cn_pii_anonymization recognizer
 * cases (counts per sentence).
 */
final class ChineseCases {

    private ChineseCases() {
    }

    static List<LabelledCase> load(SharedData data) {
        List<LabelledCase> cases = new ArrayList<>();
        for (Map<String, Object> c : data.jsonArray("pii/cn/issue9_is_validator_cases.json")) {
            String value = (String) c.get("value");
            boolean valid = (Boolean) c.get("expected_valid");
            String detector = switch ((String) c.get("validator")) {
                case "GB11643" -> "cn-id";
                case "CNMobile" -> "cn-mobile";
                case "CNPhone", "CNTel" -> "cn-phone";
                case "Email" -> "email";
                case "IP", "IP4", "IP6" -> "ip-address";
                default -> null;
            };
            if (detector != null) {
                cases.add(LabelledCase.validator(new Row(detector, "issue9/is"), value, valid));
            }
        }
        for (Map<String, Object> c : data.jsonArray("pii/cn/cn_pii_anonymization/cn_pii_recognizer_test_cases.json")) {
            String detector = switch ((String) c.get("class")) {
                case "TestCNPhoneRecognizer" -> "cn-mobile";
                case "TestCNIDCardRecognizer" -> "cn-id";
                case "TestCNBankCardRecognizer" -> "bank-card";
                case "TestCNPassportRecognizer" -> "passport";
                case "TestCNEmailRecognizer" -> "email";
                default -> null;
            };
            if (detector != null) {
                cases.add(LabelledCase.count(new Row(detector, "cn_pii_anonymization"), (String) c.get("text"),
                        ((Number) c.get("expected_count")).intValue()));
            }
        }
        return cases;
    }
}
