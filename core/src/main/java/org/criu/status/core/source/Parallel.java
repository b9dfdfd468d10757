package org.criu.status.core.source;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.criu.status.core.http.RequestPriority;
import org.criu.status.core.model.SourceException;

/**
 * Asks several independent things at once: reads whose questions do not depend on each other's answers (a file at
 * several refs, release notes of several tags, the parts of a combined entry) go out together instead of one after
 * another, so a checker costs its dependency depth in round trips, not its request count. Every read still goes
 * through the run's one HTTP client, so the per-host limits, single-flight, cache and retries below apply unchanged:
 * this only decides when a request is asked, never how.
 *
 * <p>Results and failures are those of the same reads made one after another, in the order given: {@link #all}
 * returns results in that order and, when reads fail, throws the failure of the first failing read in that order
 * (whatever finished first); {@link #readAhead} stops where the sequential loop would have stopped and ignores what
 * a read past that point said. The waiting thread's interruption (a check's deadline) cancels the reads it waits for.
 *
 * <p>Reads keep the priority of the thread that asks ({@link RequestPriority}). They run on daemon threads of a pool that grows as needed (a read may itself ask several things at once;
 * a bounded pool could deadlock) and lets idle threads go after a minute.
 */
public final class Parallel {

    /** One read: a question to a source, which may fail as a source does. */
    @FunctionalInterface
    public interface Read<T> {
        T get() throws SourceException;
    }

    /** A read of one item of a list. */
    @FunctionalInterface
    public interface ReadOf<I, T> {
        T get(I item) throws SourceException;
    }

    /**
     * A read started with {@link #start}: {@link #join} waits for it; {@link #close} (try-with-resources) cancels it
     * if nobody joined it and waits until it has stopped, so no request of a check outlives the check.
     */
    public final class Pending<T> implements AutoCloseable {
        private final Task<T> task;

        private Pending(Task<T> task) {
            this.task = task;
        }

        /** Waits for the read; its failure is thrown here, as if it had been made on this thread. */
        public T join() throws SourceException {
            return Parallel.join(task.future);
        }

        @Override
        public void close() {
            task.stop();
        }
    }

    /** A read on the pool that can be stopped: cancelled if not begun, else interrupted and waited for. */
    private static final class Task<T> {
        private static final int NEW = 0;
        private static final int RUNNING = 1;
        private static final int ENDED = 2;
        private static final int DROPPED = 3;

        private final java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.FutureTask<T> future;

        Task(Read<? extends T> read) {
            this(RequestPriority.carry(read::get));
        }

        Task(java.util.concurrent.Callable<T> withPriority) {
            this.future = new java.util.concurrent.FutureTask<>(() -> {
                if (!state.compareAndSet(NEW, RUNNING)) {
                    return null;
                }
                try {
                    return withPriority.call();
                } finally {
                    state.set(ENDED);
                    ended.countDown();
                }
            });
        }

        void stop() {
            if (future.isDone() && state.get() != RUNNING) {
                return;
            }
            if (state.compareAndSet(NEW, DROPPED)) {
                future.cancel(false);
                return;
            }
            future.cancel(true);
            boolean interrupted = false;
            while (true) {
                try {
                    ended.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final ExecutorService pool;

    public Parallel() {
        AtomicInteger n = new AtomicInteger();
        this.pool = new java.util.concurrent.ThreadPoolExecutor(0, Integer.MAX_VALUE, 60,
                java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "source-read-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    private <T> Task<T> submit(Read<? extends T> read) {
        Task<T> task = new Task<>(read);
        pool.execute(task.future);
        return task;
    }

    /** Starts {@code read} on another thread; join it, or close it (try-with-resources) if this thread fails first. */
    public <T> Pending<T> start(Read<T> read) {
        return new Pending<>(submit(read));
    }

    /**
     * {@link #start(Read)} for a part of the check that is at most {@code depth} requests deep, shallower than the
     * check's deepest chain: its requests wait behind deeper ones where a host has a queue and never take the
     * connections kept for the run's deepest chain ({@link RequestPriority#carry(int, java.util.concurrent.Callable)}).
     * Without it a shallow part asked first can take the place the deep part needed.
     */
    public <T> Pending<T> start(int depth, Read<T> read) {
        Task<T> task = new Task<>(RequestPriority.carry(depth, read::get));
        pool.execute(task.future);
        return new Pending<>(task);
    }

    /**
     * Makes every read at once and returns their results in the order given; the first read runs on this thread.
     *
     * @throws SourceException the failure of the first read, in the order given, that failed
     */
    public <T> List<T> all(List<? extends Read<? extends T>> reads) throws SourceException {
        List<Task<? extends T>> tasks = new ArrayList<>();
        try {
            for (int i = 1; i < reads.size(); i++) {
                tasks.add(submit(reads.get(i)));
            }
            List<T> results = new ArrayList<>(reads.size());
            Throwable first = null;
            if (!reads.isEmpty()) {
                try {
                    results.add(reads.get(0).get());
                } catch (SourceException | RuntimeException e) {
                    first = e;
                }
            }
            for (Task<? extends T> task : tasks) {
                if (first != null) {
                    task.stop(); // past the first failure in order: the sequential loop never got here
                    continue;
                }
                try {
                    results.add(join(task.future));
                } catch (SourceException | RuntimeException e) {
                    first = e;
                }
            }
            if (first instanceof SourceException e) {
                throw e;
            }
            if (first instanceof RuntimeException e) {
                throw e;
            }
            return results;
        } finally {
            tasks.forEach(Task::stop);
        }
    }

    /** {@link #all} over the items of a list: {@code read} of each item, results in the items' order. */
    public <I, T> List<T> each(List<I> items, ReadOf<? super I, ? extends T> read) throws SourceException {
        List<Read<? extends T>> reads = new ArrayList<>();
        for (I item : items) {
            reads.add(() -> read.get(item));
        }
        return all(reads);
    }

    /**
     * The sequential search "read each item in order until one answers {@code found}", {@code window} items at a
     * time: reads ahead of the answer that decides cost a few extra requests (at most {@code window - 1}) and save
     * the round trips. Returns the results read, in order, up to and including the first found one (all of them if
     * none was). A failing read fails the search only where the sequential loop would have reached it.
     */
    public <I, T> List<T> readAhead(List<I> items, int window, ReadOf<? super I, ? extends T> read,
                                    Predicate<? super T> found) throws SourceException {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, not " + window);
        }
        List<T> results = new ArrayList<>();
        for (int from = 0; from < items.size(); from += window) {
            List<I> batch = items.subList(from, Math.min(items.size(), from + window));
            List<Read<T>> reads = new ArrayList<>();
            for (I item : batch) {
                reads.add(() -> read.get(item));
            }
            List<Outcome<T>> outcomes = allOutcomes(reads);
            for (Outcome<T> outcome : outcomes) {
                T value = outcome.value();
                results.add(value);
                if (found.test(value)) {
                    return results;
                }
            }
        }
        return results;
    }

    /** A read's result or failure; {@link #value} throws the failure. */
    private record Outcome<T>(T result, Throwable failure) {
        T value() throws SourceException {
            if (failure instanceof SourceException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            return result;
        }
    }

    private <T> List<Outcome<T>> allOutcomes(List<Read<T>> reads) throws SourceException {
        List<Read<Outcome<T>>> wrapped = new ArrayList<>();
        for (Read<T> read : reads) {
            wrapped.add(() -> {
                try {
                    return new Outcome<>(read.get(), null);
                } catch (SourceException | RuntimeException e) {
                    return new Outcome<>(null, e);
                }
            });
        }
        return all(wrapped);
    }

    private static <T> T join(Future<T> future) throws SourceException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new SourceException("", "interrupted while reading sources", e);
        } catch (CancellationException e) {
            throw new SourceException("", "a read was cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SourceException s) {
                throw s;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
