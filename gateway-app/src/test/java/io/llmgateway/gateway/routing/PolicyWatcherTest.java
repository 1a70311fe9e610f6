package io.llmgateway.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.WireAdapters;
import io.llmgateway.policy.PolicyLoader;
import io.llmgateway.policy.live.LiveTrackers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher reloads on a file change and on a ConfigMap-style {@code ..data} symlink swap; a bad file changes nothing. */
class PolicyWatcherTest {

    static String policy(String model) {
        return "deployments: [{id: d1, pool: p, zone: private, api: openai, url: \"http://h/v1\", model: " + model + "}]\nmodels: {m: [d1]}\n";
    }

    @TempDir
    Path dir;

    @Test
    void reloadsWhenTheFileChangesAndIgnoresABadOne() throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, policy("one"));
        Fixture f = new Fixture(file);
        try (PolicyWatcher w = new PolicyWatcher(f.reloader, Duration.ofMillis(100), Duration.ofSeconds(1))) {
            w.start();
            Files.writeString(file, policy("two"));
            await(() -> f.model().equals("two"));
            Files.writeString(file, "deployments: [}");
            await(() -> f.registry.counter("gateway.policy.reloads", "outcome", "refused").count() >= 1);
            assertThat(f.model()).isEqualTo("two");
            assertThat(f.reloader.lastError().problems()).isNotEmpty();
        }
    }

    @Test
    void followsAConfigMapSymlinkSwap() throws Exception {
        Path v1 = Files.createDirectory(dir.resolve("..2024_01"));
        Files.writeString(v1.resolve("policy.yaml"), policy("one"));
        Files.createSymbolicLink(dir.resolve("..data"), v1.getFileName());
        Path file = Files.createSymbolicLink(dir.resolve("policy.yaml"), Path.of("..data/policy.yaml"));
        Fixture f = new Fixture(file);
        try (PolicyWatcher w = new PolicyWatcher(f.reloader, Duration.ofMillis(100), Duration.ZERO)) {
            w.start();
            Path v2 = Files.createDirectory(dir.resolve("..2024_02"));
            Files.writeString(v2.resolve("policy.yaml"), policy("two"));
            Path tmp = Files.createSymbolicLink(dir.resolve("..data_tmp"), v2.getFileName());
            Files.move(tmp, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            await(() -> f.model().equals("two"));
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 15s");
            }
            Thread.sleep(50);
        }
    }

    static final class Fixture {
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final RoutingStateHolder holder;
        final PolicyReloader reloader;

        Fixture(Path file) {
            RoutingStateCompiler compiler = new RoutingStateCompiler(WireAdapters.standard(), Map.<String, String>of()::get);
            holder = new RoutingStateHolder(compiler.compile(PolicyLoader.load(file)));
            reloader = new PolicyReloader(file, holder, compiler, new LiveTrackers(System::currentTimeMillis, 30_000), registry);
        }

        String model() {
            return holder.current().policy().deployments().get("d1").model();
        }
    }
}
