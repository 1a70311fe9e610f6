package io.llmgateway.deploy;

import static io.llmgateway.deploy.Rendered.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.policy.Policy;
import io.llmgateway.policy.PolicyLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The policies shipped with the deployment material load: compose's, and the one the k8s example renders. */
class DeployPoliciesTest {

    @Test
    void composePolicyLoads() {
        Policy p = PolicyLoader.load(Chart.REPO.resolve("deploy/docker/compose/policy.yaml"));
        assertThat(p.deployments()).containsKeys("qwen72-a100", "qwen7-a10", "bge-m3-a10", "gpt-4o-api");
        assertThat(p.apps()).containsKey("local-dev");
    }

    @Test
    void k8sExamplePolicyLoadsAndPointsAtTheVllmServices() {
        Rendered r = Chart.template(Chart.K8S_EXAMPLE);
        String yaml = (String) map(r.all("ConfigMap").stream()
                .filter(o -> map(o, "metadata").get("name").equals("llm-gateway-policy")).findFirst().orElseThrow(), "data")
                .get("policy.yaml");
        Policy p = PolicyLoader.parse(Path.of("k8s example").toString(), yaml);
        assertThat(p.deployments().values()).allSatisfy(d -> assertThat(d.url().toString()).contains(".llm.svc:8000/v1"));
    }
}
