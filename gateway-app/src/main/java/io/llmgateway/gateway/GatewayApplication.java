package io.llmgateway.gateway;

import io.llmgateway.gateway.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The gateway: {@code java -jar gateway-app.jar [--gateway.policy=FILE]}. Without a policy it runs the demo.
 * {@code java -jar gateway-app.jar policy check FILE} runs an ops command instead (see {@link Cli}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        int code = Cli.run(args, System.out, System.err); // ops commands (policy check FILE) run without Spring
        if (code >= 0) {
            System.exit(code);
        }
        defaultEventLoops();
        SpringApplication.run(GatewayApplication.class, args);
    }

    /**
     * One event loop per CPU (at least 2), as nginx runs a worker per core, unless
     * {@code -Dreactor.netty.ioWorkerCount} says otherwise. Reactor Netty's own default is at least 4: on a
     * 2-CPU pod, twice as many loops as cores, each woken for fewer events, with more thread switches. On the
     * project's 2-CPU machine 2 loops instead of 4 took 14% (streams) to 19% (non-streamed) less CPU per
     * request (docs/benchmarks.md). Nothing blocks on the loops (ledger, Redis and policy I/O have their own
     * threads), and the second loop keeps one long classification from holding up every other request.
     */
    static void defaultEventLoops() {
        if (System.getProperty(EVENT_LOOPS) == null) {
            System.setProperty(EVENT_LOOPS, Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors())));
        }
    }

    static final String EVENT_LOOPS = "reactor.netty.ioWorkerCount";
}
