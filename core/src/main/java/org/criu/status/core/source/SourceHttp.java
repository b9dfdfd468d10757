package org.criu.status.core.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.criu.status.core.http.Http;
import org.criu.status.core.http.IoFailure;
import org.criu.status.core.model.SourceException;

/**
 * The one place source clients turn HTTP into data, and where answers are checked before they are believed.
 * Each client says what a good answer looks like ({@link AnswerShape}); anything else is a failure naming the URL,
 * never content and never absence:
 * <ul>
 *   <li>an answer from another host than the one asked, after redirects (a login wall, a captive portal);</li>
 *   <li>a 2xx of the wrong kind: an HTML page where JSON, a raw file or a feed was promised (a CDN error page
 *       served with 200), a body that does not parse as the promised JSON, or one shorter than its
 *       Content-Length;</li>
 *   <li>a status that is neither 2xx nor 404/410.</li>
 * </ul>
 * A 404 or 410 is "not found" (an empty Optional) only when the origin itself said it: from the host asked, not
 * an HTML page in an API's place, and from a host that proves it answers normally in this run ({@link HostHealth}:
 * a resource known to exist answers there; an API that moved answers 404 for everything). Retries, rate limits,
 * size caps and caching happen below, in the client's interceptors ({@link Http}); every failure comes out of
 * here as a {@link SourceException}.
 */
public final class SourceHttp {

    /** Shared, configured for API bodies: unknown fields ignored, java.time understood. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, false);

    /** A successful response: its body and the headers clients read (Link, pagination). */
    public record Page(String body, Headers headers) {
    }

    private final OkHttpClient client;
    private final HostHealth hosts;
    private volatile Parallel parallel;

    public SourceHttp(OkHttpClient client) {
        this.client = client;
        this.hosts = new HostHealth(this);
    }

    public OkHttpClient client() {
        return client;
    }

    /**
     * Asks several independent things at once through this client (its per-host limits and single-flight apply);
     * one per run, made on first use.
     */
    public Parallel parallel() {
        Parallel p = parallel;
        if (p == null) {
            synchronized (this) {
                p = parallel;
                if (p == null) {
                    p = new Parallel();
                    parallel = p;
                }
            }
        }
        return p;
    }

    /** Which hosts answer normally in this run; checker canaries prove theirs here. */
    public HostHealth hosts() {
        return hosts;
    }

    /** GETs {@code url} promising nothing but an answer from its own host; empty on a proven 404/410. */
    public Optional<Page> get(String url, Map<String, String> headers) throws SourceException {
        return get(url, headers, AnswerShape.ANY);
    }

    /** GETs {@code url}, whose answer must have {@code shape}; empty on a proven 404/410 (see the class comment). */
    public Optional<Page> get(String url, Map<String, String> headers, AnswerShape shape) throws SourceException {
        return fetch(url, headers, shape, null);
    }

    /**
     * GETs {@code url}, a resource that must exist (an endpoint, not a file that may be gone): a 404/410 is a
     * failure with {@code notFound} as its message.
     */
    public Page getPresent(String url, Map<String, String> headers, AnswerShape shape, String notFound)
            throws SourceException {
        return fetch(url, headers, shape, notFound).orElseThrow();
    }

    /** GETs and parses a JSON body as {@code type}; empty on a proven 404/410. */
    public <T> Optional<T> getJson(String url, JavaType type, Map<String, String> headers) throws SourceException {
        Optional<Page> page = get(url, headers, AnswerShape.JSON);
        if (page.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parse(url, page.get().body(), type));
    }

    /** GETs and parses a JSON body as {@code type} from an endpoint that must exist; 404/410 fail as {@code notFound}. */
    public <T> T getJsonPresent(String url, JavaType type, Map<String, String> headers, String notFound)
            throws SourceException {
        return parse(url, getPresent(url, headers, AnswerShape.JSON, notFound).body(), type);
    }

    private Optional<Page> fetch(String url, Map<String, String> headers, AnswerShape shape, String notFound)
            throws SourceException {
        Request.Builder request = new Request.Builder().url(url).get();
        if (shape != AnswerShape.ANY) {
            request.header("Accept", shape.accept());
        }
        headers.forEach(request::header);
        HttpUrl asked = HttpUrl.get(url);
        try (Response response = client.newCall(request.build()).execute()) {
            HttpUrl answered = response.request().url();
            int code = response.code();
            // Only a caller promising nothing (ANY) takes a success from wherever the redirects led; a 404 from
            // another host is never the asked host's "not found".
            if (!shape.sameSource(asked, answered) && (shape != AnswerShape.ANY || !response.isSuccessful())) {
                throw new SourceException(url, "GET " + url + " was redirected to " + answered + ", another host, "
                        + "which answered HTTP " + code + ": not " + asked.host() + "'s own answer");
            }
            if (code == 404 || code == 410) {
                if (notFound != null) {
                    throw new SourceException(url, notFound);
                }
                String body = peek(response);
                if (!shape.acceptsNotFound(response.header("Content-Type"), body)) {
                    throw new SourceException(url, "GET " + url + " answered HTTP " + code + " with an HTML page, "
                            + "not " + asked.host() + "'s own 'not found' (a proxy's or a CDN's page?)");
                }
                response.close(); // the probe below is a request of its own
                hosts.confirmNotFound(asked, code);
                return Optional.empty();
            }
            if (!response.isSuccessful()) {
                throw new SourceException(url, describeFailure(url, answered, response));
            }
            byte[] bytes = response.body().bytes();
            String body = decode(bytes, response);
            String declared = response.header("Content-Length");
            if (declared != null && response.header("Content-Encoding") == null && isNumber(declared)
                    && Long.parseLong(declared.strip()) > bytes.length) {
                throw new SourceException(url, "GET " + url + " returned a body cut short: " + bytes.length
                        + " of the " + declared.strip() + " bytes its Content-Length announced");
            }
            String wrong = shape.problem(response.header("Content-Type"), body);
            if (wrong != null) {
                throw new SourceException(url, "GET " + url + " returned " + wrong + ", not " + shape.what()
                        + (answered.equals(asked) ? "" : " (redirected to " + answered + ")"));
            }
            return Optional.of(new Page(body, response.headers()));
        } catch (SourceException e) {
            throw e;
        } catch (IOException e) {
            throw new SourceException(url, "GET " + url + " failed: " + describe(e), e);
        }
    }

    /** The start of an error body, to see what kind of page it is. */
    private static String peek(Response response) {
        try {
            return response.peekBody(1024).string();
        } catch (IOException e) {
            return "";
        }
    }

    /** The body as text in the charset its Content-Type names (UTF-8 by default), a leading BOM dropped. */
    private static String decode(byte[] bytes, Response response) {
        MediaType type = response.body().contentType();
        Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        String text = new String(bytes, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static boolean isNumber(String s) {
        String t = s.strip();
        return !t.isEmpty() && t.length() < 19 && t.chars().allMatch(Character::isDigit);
    }

    /**
     * Parses a JSON body as {@code type}.
     *
     * @throws SourceException naming the URL when the body is not JSON (an HTML page, a cut-off body), is
     *                         JSON of another shape (an object where a list was promised), or is {@code null}
     */
    public <T> T parse(String url, String body, JavaType type) throws SourceException {
        T value;
        try {
            value = JSON.readValue(body, type);
        } catch (MismatchedInputException e) {
            String hint = body.isBlank() ? "an empty body"
                    : e.getPath().isEmpty() ? "JSON that is not " + describe(type) + " (" + e.getOriginalMessage() + ")"
                    : "JSON of an unexpected shape at " + jsonPath(e) + " (" + e.getOriginalMessage() + ")";
            throw new SourceException(url, "GET " + url + " returned " + hint, e);
        } catch (JsonProcessingException e) {
            String start = body.strip();
            String hint = start.startsWith("<") ? "an HTML page, not JSON" : "malformed JSON ("
                    + e.getOriginalMessage() + ")";
            throw new SourceException(url, "GET " + url + " returned " + hint, e);
        }
        if (value == null) {
            throw new SourceException(url, "GET " + url + " returned JSON null, not " + describe(type));
        }
        return value;
    }

    /** Where in the body the shape broke, as a reader of the JSON would say it: {@code $[0].java_version}. */
    private static String jsonPath(MismatchedInputException e) {
        StringBuilder path = new StringBuilder("$");
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(JavaType type) {
        return type.isCollectionLikeType() ? "a list" : "an object";
    }

    private static String describeFailure(String url, HttpUrl answered, Response response) {
        String retryAfter = response.header("Retry-After");
        String attempts = response.header(Http.ATTEMPTS_HEADER);
        // After a redirect the status is the last hop's: name that hop, not the URL first asked.
        String who = answered.toString().equals(url) ? "GET " + url
                : "GET " + url + " was redirected to " + answered + ", which";
        return who + " answered HTTP " + response.code()
                + (retryAfter != null ? " (Retry-After: " + retryAfter + ")" : "")
                + (attempts != null ? " (after " + attempts + " attempts)" : "");
    }

    private static String describe(IOException e) {
        return IoFailure.describe(e);
    }
}
