package io.llmgateway.policy;

import java.util.List;
import java.util.Map;

/** What rules may refer to, bound before them: the names a rule's conditions and targets are checked against. */
record Catalog(DataClasses classes, Map<String, Pool> pools, Map<String, Deployment> deployments,
               Map<String, List<String>> models, Map<String, App> apps, boolean appsDeclared) {

    String known(java.util.Collection<String> names) {
        return String.join(", ", names);
    }
}
