package io.llmgateway.policy.yaml;

import io.llmgateway.policy.PolicyException;
import io.llmgateway.policy.PolicyException.Problem;
import java.util.ArrayList;
import java.util.List;

/** Problems found while binding one file; thrown together at the end so ops see all of them at once. */
public final class Problems {

    private final String file;
    private final List<Problem> list = new ArrayList<>();
    private final java.util.Map<String, Integer> lines = new java.util.HashMap<>();

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void add(Problem p) {
        list.add(p);
    }

    /** Adds a problem not tied to a node's line (cross-references checked after binding). */
    public void add(String path, int line, String message) {
        list.add(new Problem(file, line, path, message));
    }

    /** Remembers where a path starts, so checks made after binding can still name the line. */
    void remember(String path, int line) {
        lines.putIfAbsent(path, line);
    }

    /** The line where {@code path} starts, or 0 if unknown. */
    public int lineOf(String path) {
        int sp = path.indexOf(' ');
        return lines.getOrDefault(sp < 0 ? path : path.substring(0, sp), 0);
    }

    /** Adds a problem at a path bound earlier, with its line. */
    public void at(String path, String message) {
        list.add(new Problem(file, lineOf(path), path, message));
    }

    public List<Problem> list() {
        return List.copyOf(list);
    }

    public int size() {
        return list.size();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new PolicyException(list);
        }
    }
}
