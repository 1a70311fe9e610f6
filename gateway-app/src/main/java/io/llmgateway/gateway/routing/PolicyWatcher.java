package io.llmgateway.gateway.routing;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the policy when its file changes. Watches the file's directory (any event there, so a
 * Kubernetes ConfigMap update, which swaps the {@code ..data} symlink rather than writing the file, is
 * seen too), waits for the changes to settle ({@code debounce}), and reloads only if the content
 * differs. A poll every {@code poll} does the same, for file systems without change events (NFS, some
 * container mounts). Runs on its own daemon threads, never on an event loop.
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
    private Thread watchThread;
    private ScheduledFuture<?> pending;

    public PolicyWatcher(PolicyReloader reloader, Duration debounce, Duration poll) {
        this.reloader = reloader;
        this.debounce = debounce;
        this.poll = poll;
    }

    public void start() {
        Path dir = reloader.file().toAbsolutePath().getParent();
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
                key.pollEvents();
                schedule();
                if (!key.reset()) {
                    log.warn("the policy directory is no longer watchable; polling continues");
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
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
