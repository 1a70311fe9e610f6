package io.llmgateway.gateway.routing;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the policy when its file changes. Watches the file's directory for events that can change
 * what the file reads: the file's own name, the entry it links to when that lies in the same directory,
 * and the {@code ..}-prefixed entries of a Kubernetes ConfigMap mount (an update swaps the {@code ..data}
 * symlink rather than writing the file). Other files in the directory (a log the gateway's output is
 * redirected to, written on every request) are ignored: they would wake two threads per write and, by
 * restarting the debounce, hold a real change back for as long as they keep being written. It waits for
 * the changes to settle ({@code debounce}), and reloads only if the content differs. A poll every
 * {@code poll} does the same, for file systems without change events (NFS, some container mounts).
 * Runs on its own daemon threads, never on an event loop.
 */
public final class PolicyWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PolicyWatcher.class);

    private final PolicyReloader reloader;
    private final Duration debounce;
    private final Duration poll;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "policy-reload");
        t.setDaemon(true);
        return t;
    });
    private WatchService watch;
    private Set<Path> relevant = Set.of();
    private Thread watchThread;
    private ScheduledFuture<?> pending;

    public PolicyWatcher(PolicyReloader reloader, Duration debounce, Duration poll) {
        this.reloader = reloader;
        this.debounce = debounce;
        this.poll = poll;
    }

    public void start() {
        Path dir = reloader.file().toAbsolutePath().getParent();
        relevant = relevantNames(reloader.file().toAbsolutePath());
        try {
            watch = FileSystems.getDefault().newWatchService();
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            watchThread = new Thread(this::watchLoop, "policy-watch");
            watchThread.setDaemon(true);
            watchThread.start();
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("cannot watch {} ({}); polling every {} instead", dir, e.toString(), poll);
        }
        if (!poll.isZero()) {
            timer.scheduleWithFixedDelay(() -> run("poll"), poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void watchLoop() {
        try {
            while (true) {
                WatchKey key = watch.take();
                if (concernsPolicy(key.pollEvents(), relevant)) {
                    schedule();
                }
                if (!key.reset()) {
                    log.warn("the policy directory is no longer watchable; polling continues");
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The directory entries whose change can change what the policy file reads. */
    static Set<Path> relevantNames(Path file) {
        Set<Path> names = new HashSet<>();
        names.add(file.getFileName());
        try {
            Path real = file.toRealPath();
            Path dir = file.getParent().toRealPath();
            if (dir.equals(real.getParent())) {
                names.add(real.getFileName());
            }
        } catch (IOException e) {
            // missing for now: its own name is watched, and the poll covers the rest
        }
        return Set.copyOf(names);
    }

    /** True if one of the events may have changed the policy: a relevant name, a ConfigMap entry, or lost events. */
    static boolean concernsPolicy(List<WatchEvent<?>> events, Set<Path> relevant) {
        for (WatchEvent<?> e : events) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW || !(e.context() instanceof Path name)
                    || relevant.contains(name) || name.toString().startsWith("..")) {
                return true;
            }
        }
        return false;
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(() -> run("watch"), debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(String trigger) {
        try {
            reloader.reloadIfChanged(trigger);
        } catch (RuntimeException e) {
            log.error("policy reload ({}) failed unexpectedly", trigger, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (watch != null) {
            try {
                watch.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
