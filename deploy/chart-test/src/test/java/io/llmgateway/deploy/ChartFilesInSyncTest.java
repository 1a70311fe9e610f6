package io.llmgateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chart carries copies of deploy/grafana/*.json and deploy/prometheus/gateway-alerts.yml (Helm reads
 * only files inside the chart). They must not drift; to resync:
 * {@code cp deploy/grafana/*.json deploy/helm/llm-gateway/dashboards/ && cp deploy/prometheus/gateway-alerts.yml deploy/helm/llm-gateway/files/}.
 */
class ChartFilesInSyncTest {

    @Test
    void dashboardsMatchDeployGrafana() throws IOException {
        Path source = Chart.REPO.resolve("deploy/grafana");
        Path copy = Chart.DIR.resolve("dashboards");
        assertThat(names(copy)).isEqualTo(names(source));
        for (String name : names(source)) {
            assertThat(Files.readString(copy.resolve(name))).as(name + " (run the cp in this test's javadoc)")
                    .isEqualTo(Files.readString(source.resolve(name)));
        }
    }

    @Test
    void alertRulesMatchDeployPrometheus() throws IOException {
        assertThat(Files.readString(Chart.DIR.resolve("files/gateway-alerts.yml")))
                .isEqualTo(Files.readString(Chart.REPO.resolve("deploy/prometheus/gateway-alerts.yml")));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }
}
