package io.llmgateway.policy.sensitivity.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/** Builds the arrays of a {@link KeywordAutomaton}: trie edges, failure links and merged outputs. */
final class TrieCompiler {

    final int[] keywordLength;
    final boolean[] wordStart;
    final boolean[] wordEnd;
    final int[] edgeOffset;
    final char[] edgeChar;
    final int[] edgeTarget;
    final int[] fail;
    final int[][] outputs;

    TrieCompiler(List<String> keywords, boolean caseInsensitive) {
        int n = keywords.size();
        keywordLength = new int[n];
        wordStart = new boolean[n];
        wordEnd = new boolean[n];
        List<TreeMap<Character, Integer>> children = new ArrayList<>();
        List<List<Integer>> terminal = new ArrayList<>();
        children.add(new TreeMap<>());
        terminal.add(new ArrayList<>());
        for (int k = 0; k < n; k++) {
            String word = keywords.get(k);
            keywordLength[k] = word.length();
            wordStart[k] = AsciiChars.isWordChar(word.charAt(0));
            wordEnd[k] = AsciiChars.isWordChar(word.charAt(word.length() - 1));
            int state = 0;
            for (int i = 0; i < word.length(); i++) {
                char c = caseInsensitive ? AsciiChars.fold(word.charAt(i)) : word.charAt(i);
                Integer next = children.get(state).get(c);
                if (next == null) {
                    next = children.size();
                    children.get(state).put(c, next);
                    children.add(new TreeMap<>());
                    terminal.add(new ArrayList<>());
                }
                state = next;
            }
            terminal.get(state).add(k);
        }
        int states = children.size();
        edgeOffset = new int[states + 1];
        int edges = 0;
        for (int s = 0; s < states; s++) {
            edgeOffset[s] = edges;
            edges += children.get(s).size();
        }
        edgeOffset[states] = edges;
        edgeChar = new char[edges];
        edgeTarget = new int[edges];
        for (int s = 0; s < states; s++) {
            int e = edgeOffset[s];
            for (var entry : children.get(s).entrySet()) {
                edgeChar[e] = entry.getKey();
                edgeTarget[e++] = entry.getValue();
            }
        }
        fail = new int[states];
        outputs = new int[states][];
        linkFailures(children, terminal);
    }

    int states() {
        return fail.length;
    }

    private void linkFailures(List<TreeMap<Character, Integer>> children, List<List<Integer>> terminal) {
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        outputs[0] = null;
        for (int child : children.get(0).values()) {
            fail[child] = 0;
            queue.add(child);
        }
        for (int s = 0; s < fail.length; s++) {
            outputs[s] = terminal.get(s).isEmpty() ? null : terminal.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            int[] inherited = outputs[fail[s]];
            if (inherited != null) {
                outputs[s] = outputs[s] == null ? inherited : concat(outputs[s], inherited);
            }
            for (var entry : children.get(s).entrySet()) {
                char c = entry.getKey();
                int child = entry.getValue();
                int f = fail[s];
                while (f != 0 && edge(f, c) < 0) {
                    f = fail[f];
                }
                int target = edge(f, c);
                fail[child] = target >= 0 && target != child ? target : 0;
                queue.add(child);
            }
        }
    }

    /**
     * Full transition function restricted to ASCII input: {@code delta[(state << 7) | c]}; with
     * {@code foldInput}, an upper-case letter moves like its lower-case form.
     */
    int[] asciiDelta(boolean foldInput) {
        int[] delta = new int[states() << 7];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        boolean[] seen = new boolean[states()];
        seen[0] = true;
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int c = 0; c < 128; c++) {
                int next = edge(s, (char) c);
                if (next < 0) {
                    next = s == 0 ? 0 : delta[(fail[s] << 7) | c];
                }
                delta[(s << 7) | c] = next;
            }
            if (foldInput) {
                for (int c = 'A'; c <= 'Z'; c++) {
                    delta[(s << 7) | c] = delta[(s << 7) | AsciiChars.fold((char) c)];
                }
            }
            for (int e = edgeOffset[s]; e < edgeOffset[s + 1]; e++) {
                if (!seen[edgeTarget[e]]) {
                    seen[edgeTarget[e]] = true;
                    queue.add(edgeTarget[e]);
                }
            }
        }
        return delta;
    }

    private int edge(int state, char c) {
        int i = Arrays.binarySearch(edgeChar, edgeOffset[state], edgeOffset[state + 1], c);
        return i >= 0 ? edgeTarget[i] : -1;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
