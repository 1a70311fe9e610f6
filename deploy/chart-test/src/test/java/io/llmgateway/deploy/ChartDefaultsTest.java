package io.llmgateway.deploy;

import static io.llmgateway.deploy.Rendered.list;
import static io.llmgateway.deploy.Rendered.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.policy.PolicyLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code helm template} with the default values: probes, resources, security context, shutdown, policy. */
class ChartDefaultsTest {

    static final Rendered R = Chart.template(null);

    @Test
    void probesUseTheActuatorHealthGroups() {
        Map<String, Object> c = R.container();
        assertThat(map(c, "livenessProbe", "httpGet").get("path")).isEqualTo("/actuator/health/liveness");
        assertThat(map(c, "readinessProbe", "httpGet").get("path")).isEqualTo("/actuator/health/readiness");
        assertThat(map(c, "startupProbe", "httpGet").get("path")).isEqualTo("/actuator/health/liveness");
        assertThat(map(c, "readinessProbe")).containsKeys("periodSeconds", "failureThreshold", "timeoutSeconds");
    }

    @Test
    void requestsAndMemoryLimitAreSet() {
        Map<String, Object> res = map(R.container(), "resources");
        assertThat(map(res, "requests")).containsKeys("cpu", "memory");
        assertThat(map(res, "limits")).containsKey("memory");
    }

    @Test
    void runsAsNonRootWithReadOnlyRootAndNoCapabilities() {
        Map<String, Object> pod = map(R.podSpec(), "securityContext");
        assertThat(pod.get("runAsNonRoot")).isEqualTo(true);
        assertThat((Integer) pod.get("runAsUser")).isPositive();
        assertThat(map(pod, "seccompProfile").get("type")).isEqualTo("RuntimeDefault");
        Map<String, Object> c = map(R.container(), "securityContext");
        assertThat(c.get("readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(c.get("allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(map(c, "capabilities").get("drop")).isEqualTo(List.of("ALL"));
        assertThat(R.podSpec().get("automountServiceAccountToken")).isEqualTo(false);
    }

    @Test
    void gracePeriodCoversPreStopDrainAndLedgerFlush() {
        int grace = (Integer) R.podSpec().get("terminationGracePeriodSeconds");
        String drain = (String) R.env().get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE").get("value");
        List<?> preStop = (List<?>) map(R.container(), "lifecycle", "preStop", "exec").get("command");
        int total = Integer.parseInt(drain.replace("s", "")) + Integer.parseInt((String) preStop.get(1));
        assertThat(grace).isGreaterThanOrEqualTo(total + 10);
    }

    @Test
    void policyIsAConfigMapMountedAsADirectorySoEditsAreReloaded() {
        Map<String, Object> cm = R.all("ConfigMap").stream()
                .filter(o -> map(o, "metadata").get("name").equals("llm-gateway-policy")).findFirst().orElseThrow();
        String policy = (String) map(cm, "data").get("policy.yaml");
        assertThat(PolicyLoader.parse("policy ConfigMap", policy).deployments()).isNotEmpty();
        Map<String, Object> mount = list(R.container(), "volumeMounts").stream()
                .filter(m -> m.get("name").equals("policy")).findFirst().orElseThrow();
        assertThat(mount).doesNotContainKey("subPath").containsEntry("readOnly", true);
        assertThat((String) R.env().get("GATEWAY_POLICY").get("value")).startsWith((String) mount.get("mountPath") + "/");
        assertThat(map(R.one("Deployment"), "spec", "template", "metadata", "annotations"))
                .as("a policy change must not roll the pods").doesNotContainKey("checksum/policy");
    }

    @Test
    void writableDirectoriesAreEmptyDirs() {
        List<String> mounts = list(R.container(), "volumeMounts").stream().map(m -> (String) m.get("mountPath")).toList();
        assertThat(mounts).contains("/tmp", "/data");
        assertThat((String) R.env().get("GATEWAY_LEDGER_DATA_DIR").get("value")).startsWith("/data/");
    }

    @Test
    void rendersServicePdbAndDashboardsButNoSecretAndNoAutoscalerByDefault() {
        assertThat(map(R.one("Service"), "spec").get("type")).isEqualTo("ClusterIP");
        assertThat(map(R.one("PodDisruptionBudget"), "spec")).containsKey("maxUnavailable");
        assertThat(R.all("Secret")).isEmpty();
        assertThat(R.all("HorizontalPodAutoscaler")).isEmpty();
        List<Map<String, Object>> dashboards = R.all("ConfigMap").stream()
                .filter(o -> map(o, "metadata", "labels").containsKey("grafana_dashboard")).toList();
        assertThat(dashboards).hasSize(4);
        dashboards.forEach(d -> assertThat(map(d, "data").values()).allSatisfy(json -> assertThat((String) json).contains("\"uid\"")));
    }

    @Test
    void everyObjectCarriesTheStandardLabels() {
        assertThat(R.objects()).allSatisfy(o -> assertThat(map(o, "metadata", "labels"))
                .containsEntry("app.kubernetes.io/name", "llm-gateway")
                .containsEntry("app.kubernetes.io/instance", "llm-gateway"));
    }
}
