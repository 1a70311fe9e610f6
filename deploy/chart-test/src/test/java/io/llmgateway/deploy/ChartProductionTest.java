package io.llmgateway.deploy;

import static io.llmgateway.deploy.Rendered.list;
import static io.llmgateway.deploy.Rendered.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.policy.App;
import io.llmgateway.policy.PolicyLoader;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code helm template -f values-production.yaml}: autoscaling, monitoring, secrets only by reference. */
class ChartProductionTest {

    static final Rendered R = Chart.template(Chart.PRODUCTION);
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(_KEY|PASSWORD.*|SECRET.*|TOKEN.*|REDIS_URL)");

    @Test
    void scalesWithAnAutoscalerAndKeepsReplicasOutOfTheDeployment() {
        Map<String, Object> hpa = map(R.one("HorizontalPodAutoscaler"), "spec");
        assertThat((Integer) hpa.get("minReplicas")).isGreaterThanOrEqualTo(2);
        assertThat(map(R.one("Deployment"), "spec")).doesNotContainKey("replicas");
        assertThat(R.env().get("GATEWAY_ADMISSION_REPLICAS").get("value")).isEqualTo(String.valueOf(hpa.get("minReplicas")));
    }

    @Test
    void secretsComeOnlyFromSecretReferences() {
        assertThat(R.all("Secret")).isEmpty();
        R.env().forEach((name, e) -> {
            if (SECRET_NAME.matcher(name).matches()) {
                assertThat(e).as(name).doesNotContainKey("value");
                assertThat(map(e, "valueFrom")).as(name).containsKey("secretKeyRef");
            }
        });
        assertThat(R.env()).containsKeys("GATEWAY_REDIS_URL", "GATEWAY_LEDGER_PASSWORD", "GATEWAY_ADMIN_KEY", "VLLM_KEY",
                "OPENAI_API_KEY");
        assertThat(R.text()).doesNotContainPattern("(?i)password=").doesNotContainPattern("redis://[^\\s]*@");
    }

    @Test
    void appKeysInThePolicyAreHashes() {
        String policy = (String) map(R.all("ConfigMap").stream()
                .filter(o -> map(o, "metadata").get("name").equals("llm-gateway-policy")).findFirst().orElseThrow(), "data")
                .get("policy.yaml");
        List<App> apps = List.copyOf(PolicyLoader.parse("policy ConfigMap", policy).apps().values());
        assertThat(apps).isNotEmpty();
        assertThat(policy).containsPattern("key: sha256:[0-9a-f]{64}");
    }

    @Test
    void monitoringObjectsScrapeTheActuatorAndCarryTheAlerts() {
        Map<String, Object> endpoint = list(map(R.one("ServiceMonitor"), "spec"), "endpoints").get(0);
        assertThat(endpoint).containsEntry("path", "/actuator/prometheus").containsEntry("port", "http");
        List<Map<String, Object>> groups = list(map(R.one("PrometheusRule"), "spec"), "groups");
        assertThat(groups).isNotEmpty();
        assertThat(list(groups.get(0), "rules")).anySatisfy(r -> assertThat(r.get("alert")).isEqualTo("GatewayHighErrorRate"));
    }

    @Test
    void adminApiHasItsOwnPortAndServiceAndUpstreamTlsIsMounted() {
        assertThat(list(R.container(), "ports")).extracting(p -> p.get("name")).contains("http", "admin");
        assertThat(R.all("Service")).hasSize(2);
        assertThat(R.env()).containsKeys("GATEWAY_ADMIN_PORT", "GATEWAY_UPSTREAM_TLS_CA_FILE", "GATEWAY_UPSTREAM_TLS_CERT_FILE");
        assertThat(list(R.container(), "volumeMounts")).anySatisfy(m -> assertThat(m.get("mountPath")).isEqualTo("/etc/llm-gateway/tls"));
        assertThat(R.one("NetworkPolicy")).isNotNull();
    }

    @Test
    void replicasSpreadAcrossNodesAndRollWithoutLosingCapacity() {
        assertThat(list(R.podSpec(), "topologySpreadConstraints")).isNotEmpty();
        assertThat(map(R.one("Deployment"), "spec", "strategy", "rollingUpdate")).containsEntry("maxUnavailable", 0);
        assertThat((Integer) R.podSpec().get("terminationGracePeriodSeconds")).isGreaterThanOrEqualTo(130);
    }
}
