package org.criu.status.core.source;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.criu.status.core.http.IoFailure;
import org.criu.status.core.model.SourceException;

/**
 * Whether a host is answering normally in this run, so that its 404 can count as "not there". A 404 proves
 * absence only when the host also answers a resource known to exist: an API that moved, a proxy or a broken
 * mirror answers 404 for everything, and that is a failed source, not an absent file.
 *
 * <p>A host is proven once per run, by the first of: a checker canary whose known-present URL answered (it calls
 * {@link #proven}), or a HEAD of the host's known-present resource ({@link #knownPresent}), asked on the host's
 * first 404. Every host the clients use has one; any other host is probed at its root page. The outcome, either
 * way, holds for the rest of the run.
 */
public final class HostHealth {

    /**
     * A resource that exists and will keep existing (pinned to a tag where the host allows), and the shape of its
     * answer.
     */
    public record KnownPresent(String url, AnswerShape shape) {
    }

    /** The known-present resource of every host the source clients use, by host. */
    static final Map<String, KnownPresent> DEFAULTS = Map.of(
            "api.github.com", new KnownPresent("https://api.github.com/repos/checkpoint-restore/criu",
                    AnswerShape.JSON),
            "raw.githubusercontent.com", new KnownPresent(
                    "https://raw.githubusercontent.com/checkpoint-restore/criu/v4.2/COPYING", AnswerShape.RAW_FILE),
            "github.com", new KnownPresent("https://github.com/checkpoint-restore/criu/tags.atom", AnswerShape.ATOM),
            "gitlab.freedesktop.org", new KnownPresent(
                    "https://gitlab.freedesktop.org/api/v4/projects/wayland%2Fweston", AnswerShape.JSON),
            "repology.org", new KnownPresent("https://repology.org/api/v1/project/criu", AnswerShape.JSON));

    private final SourceHttp http;
    private final Map<String, KnownPresent> knownPresent = new ConcurrentHashMap<>(DEFAULTS);
    private final Set<String> proven = ConcurrentHashMap.newKeySet();
    /** Per host: empty when it answers normally, else why not. */
    private final Map<String, CompletableFuture<Optional<String>>> probes = new ConcurrentHashMap<>();

    HostHealth(SourceHttp http) {
        this.http = http;
    }

    /** The known-present resource the run probes for {@code host}: its own, or the host's root page. */
    public static KnownPresent knownPresentFor(String host) {
        KnownPresent known = DEFAULTS.get(host);
        return known != null ? known : new KnownPresent("https://" + host + "/", AnswerShape.WEB_PAGE);
    }

    /**
     * Names {@code url} as known to exist, answering in {@code shape}: its host's probe from now on (a checker
     * canary's fact about the past, or a GitLab host of its own).
     */
    public void knownPresent(String url, AnswerShape shape) {
        HttpUrl parsed = HttpUrl.get(url);
        knownPresent.put(parsed.host(), new KnownPresent(url, shape));
    }

    /** {@code url}, known to exist, just answered as it should: its host answers normally in this run. */
    public void proven(String url) {
        proven.add(HttpUrl.get(url).host());
    }

    /** Whether {@code host} proved itself in this run. */
    public boolean isProven(String host) {
        return proven.contains(host);
    }

    /**
     * Lets a 404 for {@code url} count as absence: returns when its host answers normally (proven earlier in the
     * run, or by one probe now).
     *
     * @throws SourceException naming {@code url} and why its 404 proves nothing
     */
    void confirmNotFound(HttpUrl url, int code) throws SourceException {
        String host = url.host();
        if (proven.contains(host)) {
            return;
        }
        CompletableFuture<Optional<String>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<String>> existing = probes.putIfAbsent(host, mine);
        Optional<String> problem;
        if (existing == null) {
            problem = probe(host, url);
            mine.complete(problem);
        } else {
            try {
                problem = existing.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException(url.toString(), "interrupted while checking that " + host
                        + " answers normally");
            } catch (ExecutionException e) {
                problem = Optional.of("checking that " + host + " answers normally failed: " + e.getCause());
            }
        }
        if (problem.isPresent()) {
            throw new SourceException(url.toString(), "GET " + url + " answered HTTP " + code + ", but " + problem.get());
        }
    }

    /** Empty when the host's known-present resource answers as it should, else why not. */
    private Optional<String> probe(String host, HttpUrl asked) {
        KnownPresent known = knownPresent.getOrDefault(host, new KnownPresent(asked.scheme() + "://"
                + asked.host() + (asked.port() == HttpUrl.defaultPort(asked.scheme()) ? "" : ":" + asked.port())
                + "/", AnswerShape.WEB_PAGE));
        String doubt = "so its 404 proves nothing";
        Request request = new Request.Builder().url(known.url()).head().header("Accept", known.shape().accept())
                .build();
        try (Response response = http.client().newCall(request).execute()) {
            HttpUrl answered = response.request().url();
            if (!known.shape().sameSource(HttpUrl.get(known.url()), answered)) {
                return Optional.of(host + " sends HEAD " + known.url() + " (which exists) to another host, "
                        + answered.host() + ": " + host + " is not answering normally, " + doubt);
            }
            if (response.code() == 404 || response.code() == 410) {
                return Optional.of(host + " answers " + response.code() + " also for " + known.url()
                        + ", which exists: the whole host answers 'not found' (an API that moved?), " + doubt);
            }
            if (!response.isSuccessful()) {
                return Optional.of("could not confirm that " + host + " answers normally: HEAD " + known.url()
                        + " answered HTTP " + response.code() + ", " + doubt);
            }
            String wrong = known.shape().problem(response.header("Content-Type"), null);
            if (wrong != null) {
                return Optional.of(host + " answers HEAD " + known.url() + " with " + wrong + ", not "
                        + known.shape().what() + ": " + host + " is not answering normally, " + doubt);
            }
            proven.add(host);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("could not confirm that " + host + " answers normally: HEAD " + known.url()
                    + " failed (" + IoFailure.describe(e) + "), " + doubt);
        } catch (RuntimeException e) {
            return Optional.of("could not confirm that " + host + " answers normally (" + e + "), " + doubt);
        }
    }
}
