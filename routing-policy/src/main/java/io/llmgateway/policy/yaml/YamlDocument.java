package io.llmgateway.policy.yaml;

import io.llmgateway.policy.PolicyException;
import io.llmgateway.policy.PolicyException.Problem;
import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Parses YAML text into a {@link ConfigNode} tree without instantiating any Java type (no tags, no aliases bombs). */
public final class YamlDocument {

    private YamlDocument() {
    }

    public static ConfigNode parse(String file, String text, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by ConfigNode with the path instead
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(8 * 1024 * 1024);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new PolicyException(new Problem(file, line, "", "invalid YAML: " + e.getProblem()));
        } catch (RuntimeException e) {
            throw new PolicyException(new Problem(file, 0, "", "invalid YAML: " + e.getMessage()));
        }
        if (root == null) {
            throw new PolicyException(new Problem(file, 0, "", "the policy file is empty"));
        }
        return new ConfigNode(root, "", problems);
    }
}
