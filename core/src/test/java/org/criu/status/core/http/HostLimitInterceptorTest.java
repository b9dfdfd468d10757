package org.criu.status.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Per logical host: at most N requests in flight, and Repology's one-a-second spacing. */
class HostLimitInterceptorTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String REPOLOGY = "https://repology.org/api/v1/project/criu";

    /**
     * Counts requests between the host limit and the wire, remembering the most at once per host. For the hosts
     * given a meeting size, a request goes on to the wire only once that many are in flight together (or the
     * meeting is broken after 30 s, failing the test), so "at least that many at once" holds by construction
     * rather than by hoping slow answers overlap on a busy machine.
     */
    private static final class InFlight implements Interceptor {
        final java.util.Map<String, AtomicInteger> now = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.Map<String, AtomicInteger> most = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.Map<String, CyclicBarrier> meetings = new java.util.concurrent.ConcurrentHashMap<>();

        InFlight meet(String host, int parties) {
            meetings.put(host, new CyclicBarrier(parties));
            return this;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            String host = LogicalUrl.of(chain.request()).host();
            int current = now.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
            most.computeIfAbsent(host, h -> new AtomicInteger()).accumulateAndGet(current, Math::max);
            try {
                CyclicBarrier meeting = meetings.get(host);
                if (meeting != null) {
                    meeting.await(30, TimeUnit.SECONDS);
                }
                return chain.proceed(chain.request());
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IOException("requests to " + host + " never met in flight: " + e, e);
            } finally {
                now.get(host).decrementAndGet();
            }
        }

        int most(String host) {
            return most.getOrDefault(host, new AtomicInteger()).get();
        }
    }

    private OkHttpClient client(HttpLimits limits, Sleeper sleeper, InFlight inFlight) {
        return new OkHttpClient.Builder()
                .addInterceptor(new OriginRewriteInterceptor(server.origins()))
                .addNetworkInterceptor(new HostLimitInterceptor(limits, sleeper))
                .addNetworkInterceptor(inFlight)
                .build();
    }

    private void getAll(OkHttpClient client, List<String> urls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(urls.size());
        try {
            List<Future<Integer>> codes = new ArrayList<>();
            for (String url : urls) {
                codes.add(pool.submit(() -> {
                    start.await();
                    try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
                        r.body().string();
                        return r.code();
                    }
                }));
            }
            start.countDown();
            for (Future<Integer> code : codes) {
                assertThat(code.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void atMostTheHostsLimitIsInFlightAtOnce() throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String url = "https://api.github.com/repos/o/r" + i;
            server.onGet(url).json("{}");
            urls.add(url);
        }
        // Requests go on in pairs: with a limit of 2 every pair meets; a third at once would show in most().
        InFlight inFlight = new InFlight().meet("api.github.com", 2);

        getAll(client(HttpLimits.defaults().withHostConcurrency(2), d -> { }, inFlight), urls);

        assertThat(inFlight.most("api.github.com")).isEqualTo(2);
    }

    @Test
    void limitsFollowTheLogicalHostNotTheMirrorEveryOriginSharesHere() throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String raw = "https://raw.githubusercontent.com/o/r/main/f" + i;
            String repology = REPOLOGY + i;
            server.onGet(raw).text("x");
            server.onGet(repology).json("[]");
            urls.add(raw);
            urls.add(repology);
        }
        // Raw files go on only two at a time together, which a shared limit of 1 (Repology's) would never allow.
        InFlight inFlight = new InFlight().meet("raw.githubusercontent.com", 2);

        getAll(client(HttpLimits.defaults(), d -> { }, inFlight), urls);

        assertThat(inFlight.most("repology.org")).isEqualTo(1);
        assertThat(inFlight.most("raw.githubusercontent.com")).isGreaterThan(1);
    }

    @Test
    void repologyRequestsStartAtLeastASecondApart() throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        List<Duration> sleeps = new ArrayList<>();
        Sleeper sleeper = d -> {
            sleeps.add(d);
            clock.addAndGet(d.toNanos());
        };
        OkHttpClient client = new OkHttpClient.Builder()
                .addInterceptor(new OriginRewriteInterceptor(server.origins()))
                .addNetworkInterceptor(new HostLimitInterceptor(HttpLimits.defaults(), sleeper, clock::get))
                .build();
        for (int i = 0; i < 3; i++) {
            server.onGet(REPOLOGY + i).json("[]");
        }

        for (int i = 0; i < 3; i++) {
            try (Response r = client.newCall(new Request.Builder().url(REPOLOGY + i).build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
            }
            clock.addAndGet(Duration.ofMillis(100).toNanos());
        }

        assertThat(sleeps).containsExactly(Duration.ofMillis(900), Duration.ofMillis(900));
    }

    @Test
    void otherHostsAreNotSpaced() throws Exception {
        server.onGet("https://api.github.com/repos/a/b").json("{}");
        server.onGet("https://api.github.com/repos/a/c").json("{}");
        var http = server.context().http();

        http.get("https://api.github.com/repos/a/b", java.util.Map.of());
        http.get("https://api.github.com/repos/a/c", java.util.Map.of());

        assertThat(server.sleeps()).isEmpty();
    }

    @Test
    void theRunsClientSpacesRepologyThroughTheInjectedSleeper() throws Exception {
        server.onGet(REPOLOGY).json("[]");
        server.onGet(REPOLOGY + "-crac").json("[]");
        var http = server.context().http();

        http.get(REPOLOGY, java.util.Map.of());
        http.get(REPOLOGY + "-crac", java.util.Map.of());

        // The kit's clock stands still, so the second request waits the whole second.
        assertThat(server.sleeps()).containsExactly(Duration.ofSeconds(1));
    }
}
