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
        SpringApplication.run(GatewayApplication.class, args);
    }
}
