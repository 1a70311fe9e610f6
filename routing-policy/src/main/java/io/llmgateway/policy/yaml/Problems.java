package io.llmgateway.policy.yaml;

import io.llmgateway.policy.PolicyException;
import io.llmgateway.policy.PolicyException.Problem;
import java.util.ArrayList;
import java.util.List;

/** Problems found while binding one file; thrown together at the end so ops see all of them at once. */
public final class Problems {

    private final String file;
    private final List<Problem> list = new ArrayList<>();

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
