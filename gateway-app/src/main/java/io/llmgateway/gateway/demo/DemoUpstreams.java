package io.llmgateway.gateway.demo;

import io.llmgateway.sim.SimNode;
import io.llmgateway.sim.SimNodeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode: simulated GPU nodes (an A100 with a large model, an A10 with small models and an
 * embedding model, and a closed-API stand-in) started in-process, plus the embedded policy that
 * points at them. Only used when no policy file is configured.
 */
public final class DemoUpstreams implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoUpstreams.class);
    private static final String POLICY = "/demo/demo-policy.yaml";

    private final List<SimNode> nodes;
    private final String policyYaml;

    private DemoUpstreams(List<SimNode> nodes, String policyYaml) {
        this.nodes = nodes;
        this.policyYaml = policyYaml;
    }

    /** Starts the nodes on basePort, +1, +2 (0: ephemeral ports, for tests). */
    public static DemoUpstreams start(int basePort, long seed) {
        List<SimNodeConfig> configs = List.of(
                SimNodeConfig.builder().id("demo-a100").port(port(basePort, 0)).profile("a100")
                        .models("Qwen2.5-72B-Instruct").seed(seed).build(),
                SimNodeConfig.builder().id("demo-a10").port(port(basePort, 1)).profile("a10")
                        .models("Qwen2.5-7B-Instruct", "bge-m3").seed(seed).build(),
                SimNodeConfig.builder().id("demo-openai").port(port(basePort, 2)).profile("openai-api")
                        .models("gpt-4o").seed(seed).build());
        List<SimNode> started = new ArrayList<>();
        try {
            for (SimNodeConfig c : configs) {
                started.add(SimNode.start(c));
            }
        } catch (RuntimeException e) {
            started.forEach(SimNode::close);
            throw new IllegalStateException("demo mode could not start its simulated GPU nodes on ports "
                    + basePort + "-" + (basePort + 2) + " (set gateway.demo.base-port to move them): " + e.getMessage(), e);
        }
        String yaml = template();
        for (int i = 0; i < started.size(); i++) {
            yaml = yaml.replace("{{port:" + i + "}}", Integer.toString(started.get(i).port()));
        }
        for (SimNode n : started) {
            log.info("demo upstream {} listening on {}", n.config().id(), n.baseUrl());
        }
        return new DemoUpstreams(started, yaml);
    }

    private static int port(int base, int offset) {
        return base == 0 ? 0 : base + offset;
    }

    /** The demo policy, with the simulated nodes' real ports filled in. */
    public String policyYaml() {
        return policyYaml;
    }

    private static String template() {
        try (InputStream in = DemoUpstreams.class.getResourceAsStream(POLICY)) {
            if (in == null) {
                throw new IllegalStateException("demo policy resource " + POLICY + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read demo policy", e);
        }
    }

    @Override
    public void close() {
        nodes.forEach(SimNode::close);
    }
}
