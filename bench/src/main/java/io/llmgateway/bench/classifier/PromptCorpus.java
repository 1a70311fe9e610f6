package io.llmgateway.bench.classifier;

import java.util.Random;

/**
 * Deterministic benchmark inputs. A "prompt" mixes English and Chinese prose, a fenced code block,
 * a JSON tool result, and a little PII (e-mail, phone, a private IP), as a chat request would. An
 * "adversarial" text repeats the anchors and near-misses each detector reacts to (digit groups,
 * {@code @}, {@code ::}, {@code sk-}, {@code -----BEGIN }, {@code eyJ}, key names with no value) to
 * show that no detector backtracks.
 */
final class PromptCorpus {

    private static final String[] PARAGRAPHS = {
        "Please summarise the customer feedback below and list the three most common complaints. "
                + "Keep the tone neutral and mention any numbers that look important.\n\n",
        "请帮我把下面的会议纪要整理成要点，并标出需要在周五之前完成的事项。会议讨论了下季度的预算与人员安排。\n\n",
        "Here is the function that fails in production:\n```java\npublic Order load(long id) {\n"
                + "    Order o = repository.findById(id).orElseThrow();\n    if (o.isCancelled()) {\n"
                + "        throw new IllegalStateException(\"cancelled\");\n    }\n    return o;\n}\n```\n\n",
        "{\"tool\":\"crm_lookup\",\"result\":{\"name\":\"Zhang Wei\",\"email\":\"zhang.wei@example.com\","
                + "\"phone\":\"+86 138-1234-5678\",\"tier\":\"gold\",\"notes\":\"prefers e-mail\"}}\n\n",
        "The staging database at 10.20.30.40 was slow yesterday between 14:00 and 15:30; latency p99 rose to "
                + "850 ms while QPS stayed at 1,200. Version 2.3.1 is deployed.\n\n",
        "Draft a polite reply thanking them for the report, promise a fix within two weeks, and ask whether the "
                + "workaround described in ticket 4471 is acceptable for now.\n\n",
    };

    private static final String[] ADVERSARIAL = {
        "1 2 3 4 5 6 7 8 9 0 11 22 33 44 55 66 ", "1234-5678-9012-3456-7890-1234-5678-90 ",
        "a@b@c@d@e@f@g@h@ ", "::::::::1:2:3:4:5:6:7:8:9 ", "sk-sk-sk-sk-sk-abc ", "-----BEGIN -----BEGIN ",
        "eyJeyJeyJ.eyJ. ", "password password= token: secret_key=\n", "AKIAAKIAAKIA ", "[[[[EMAIL_ ",
        "110101 19900101 123 ", "DE89 DE89 DE89 ", "{{{{(((( ;;;; }}}}\n",
    };

    private PromptCorpus() {
    }

    static String prompt(int chars) {
        return build(chars, PARAGRAPHS, new Random(42));
    }

    static String adversarial(int chars) {
        return build(chars, ADVERSARIAL, new Random(7));
    }

    private static String build(int chars, String[] parts, Random random) {
        StringBuilder sb = new StringBuilder(chars + 512);
        while (sb.length() < chars) {
            sb.append(parts[random.nextInt(parts.length)]);
        }
        sb.setLength(chars);
        return sb.toString();
    }
}
