package io.llmgateway.policy.sensitivity.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class KeywordAutomatonTest {

    private static List<String> hits(KeywordAutomaton a, String text) {
        List<String> out = new ArrayList<>();
        a.search(text, (k, start, end) -> out.add(k + ":" + text.substring(start, end) + "@" + start));
        return out;
    }

    @Test
    void findsOverlappingKeywordsInOnePass() {
        KeywordAutomaton.Builder b = KeywordAutomaton.builder();
        b.add("he");
        b.add("she");
        b.add("his");
        b.add("hers");
        assertThat(hits(b.build(), "ushers")).containsExactly("1:she@1", "0:he@2", "3:hers@2");
    }

    @Test
    void ignoresCaseWhenAsked() {
        KeywordAutomaton.Builder b = KeywordAutomaton.builder().caseInsensitive(true);
        b.add("Falcon");
        assertThat(hits(b.build(), "project FALCON and falcon")).containsExactly("0:FALCON@8", "0:falcon@19");
    }

    @Test
    void wholeWordsRespectAsciiBoundariesButNotCjk() {
        KeywordAutomaton.Builder b = KeywordAutomaton.builder().wholeWords(true);
        b.add("cat");
        b.add("鲲鹏");
        assertThat(hits(b.build(), "cat concat cats cat_x (cat) 项目鲲鹏计划"))
                .containsExactly("0:cat@0", "0:cat@23", "1:鲲鹏@30");
    }

    @Test
    void rejectsEmptyKeyword() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KeywordAutomaton.builder().add(""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Property: same matches as a brute-force search, for random keywords and texts over a small alphabet. */
    @RepeatedTest(100)
    void agreesWithBruteForce() {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        boolean sparse = random.nextBoolean();
        KeywordAutomaton.Builder b = KeywordAutomaton.builder();
        List<String> keywords = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(sparse ? 500 : 12); i < n; i++) {
            String k = randomText(random, 1 + random.nextInt(5));
            keywords.add(k);
            b.add(k);
        }
        String text = randomText(random, random.nextInt(200));
        List<String> expected = new ArrayList<>();
        for (int end = 1; end <= text.length(); end++) {
            for (int k = 0; k < keywords.size(); k++) {
                String w = keywords.get(k);
                if (end >= w.length() && text.startsWith(w, end - w.length())) {
                    expected.add(k + ":" + w + "@" + (end - w.length()));
                }
            }
        }
        assertThat(hits(b.build(), text)).as("seed " + seed).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static String randomText(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(random.nextInt(10) == 0 ? '鲲' : (char) ('a' + random.nextInt(3)));
        }
        return sb.toString();
    }
}
