package io.llmgateway.gateway.routing;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.WireAdapters;
import io.llmgateway.policy.PolicyLoader;
import io.llmgateway.policy.live.LiveTrackers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.WatchEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher reloads on a file change and on a ConfigMap-style {@code ..data} symlink swap; a bad file
 * changes nothing; other files written in the directory neither wake it nor hold a change back.
 */
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

    /**
     * A log written next to the policy on every request (output redirected into the policy's directory)
     * must not restart the debounce: before, a steady writer held every real change back indefinitely.
     */
    @Test
    void aFileWrittenAllTheTimeNextToThePolicyDoesNotHoldAChangeBack() throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, policy("one"));
        Path log = dir.resolve("gateway.log");
        Fixture f = new Fixture(file);
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            try {
                while (writing.get()) {
                    Files.writeString(log, "{\"status\":200}\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    Thread.sleep(20);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // a debounce longer than the writer's interval, and no poll: only a watch event can bring the change in
        try (PolicyWatcher w = new PolicyWatcher(f.reloader, Duration.ofMillis(300), Duration.ZERO)) {
            w.start();
            writer.start();
            Thread.sleep(100);
            Files.writeString(file, policy("two"));
            await(() -> f.model().equals("two"));
        } finally {
            writing.set(false);
            writer.join();
        }
    }

    @Test
    void onlyEventsThatCanChangeThePolicyCount() throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(dir.resolve("policy-v2.yaml"), policy("one"));
        Files.createSymbolicLink(file, Path.of("policy-v2.yaml"));
        Set<Path> relevant = PolicyWatcher.relevantNames(file);
        assertThat(relevant).containsExactlyInAnyOrder(Path.of("policy.yaml"), Path.of("policy-v2.yaml"));
        assertThat(PolicyWatcher.concernsPolicy(List.of(event(ENTRY_MODIFY, "gateway.log"), event(ENTRY_CREATE, "x.tmp")), relevant)).isFalse();
        assertThat(PolicyWatcher.concernsPolicy(List.of(event(ENTRY_MODIFY, "gateway.log"), event(ENTRY_MODIFY, "policy-v2.yaml")), relevant)).isTrue();
        assertThat(PolicyWatcher.concernsPolicy(List.of(event(ENTRY_CREATE, "..data")), relevant)).isTrue();
        assertThat(PolicyWatcher.concernsPolicy(List.of(event(OVERFLOW, null)), relevant)).isTrue();
    }

    private static WatchEvent<Path> event(WatchEvent.Kind<?> kind, String name) {
        return new WatchEvent<>() {
            @SuppressWarnings("unchecked")
            @Override
            public Kind<Path> kind() {
                return (Kind<Path>) kind;
            }

            @Override
            public int count() {
                return 1;
            }

            @Override
            public Path context() {
                return name == null ? null : Path.of(name);
            }
        };
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
