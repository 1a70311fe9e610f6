package io.llmgateway.gateway.config;

import io.llmgateway.gateway.demo.DemoUpstreams;
import io.llmgateway.policy.Policy;
import io.llmgateway.policy.PolicyLoader;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the first policy comes from: the configured file, or, with none configured, the demo
 * (simulated upstreams started in-process and the embedded demo policy).
 */
public final class PolicyBootstrap implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PolicyBootstrap.class);

    private final Policy initial;
    private final Path file;
    private final DemoUpstreams demo;

    private PolicyBootstrap(Policy initial, Path file, DemoUpstreams demo) {
        this.initial = initial;
        this.file = file;
        this.demo = demo;
    }

    public static PolicyBootstrap from(GatewayProperties props) {
        if (props.policy() != null && !props.policy().isBlank()) {
            Path file = Path.of(props.policy());
            Policy p = PolicyLoader.load(file);
            log.info("policy {} loaded from {}: {} deployments, {} models, {} apps",
                    p.version(), file, p.deployments().size(), p.models().size(), p.apps().size());
            return new PolicyBootstrap(p, file, null);
        }
        DemoUpstreams demo = DemoUpstreams.start(props.demo().basePort(), props.demo().seed());
        try {
            Policy p = PolicyLoader.parse("classpath:demo/demo-policy.yaml", demo.policyYaml());
            return new PolicyBootstrap(p, null, demo);
        } catch (RuntimeException e) {
            demo.close();
            throw e;
        }
    }

    public Policy initial() {
        return initial;
    }

    /** The policy file to watch and reload, or null in demo mode. */
    public Path file() {
        return file;
    }

    public boolean demo() {
        return demo != null;
    }

    @Override
    public void close() {
        if (demo != null) {
            demo.close();
        }
    }
}
