package org.criu.status.core.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.criu.status.core.http.Http;
import org.criu.status.core.http.IoFailure;
import org.criu.status.core.model.SourceException;

/**
 * The one place source clients turn HTTP into data: GET a URL, treat 404/410 as "not found", anything
 * else that is not 2xx as a failure naming the URL and status, and a body that does not parse as the
 * promised JSON as a failure too (an HTML error page served with 200 is not data). Retries, rate limits,
 * size caps and caching happen below, in the client's interceptors ({@link Http}); every failure comes out
 * of here as a {@link SourceException}.
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

    public SourceHttp(OkHttpClient client) {
        this.client = client;
    }

    public OkHttpClient client() {
        return client;
    }

    /** GETs {@code url}; empty on 404/410. */
    public Optional<Page> get(String url, Map<String, String> headers) throws SourceException {
        Request.Builder request = new Request.Builder().url(url).get();
        headers.forEach(request::header);
        try (Response response = client.newCall(request.build()).execute()) {
            int code = response.code();
            if (code == 404 || code == 410) {
                return Optional.empty();
            }
            if (!response.isSuccessful()) {
                throw new SourceException(url, describeFailure(url, response));
            }
            return Optional.of(new Page(response.body().string(), response.headers()));
        } catch (SourceException e) {
            throw e;
        } catch (IOException e) {
            throw new SourceException(url, "GET " + url + " failed: " + describe(e), e);
        }
    }

    /** GETs and parses a JSON body as {@code type}; empty on 404/410. */
    public <T> Optional<T> getJson(String url, JavaType type, Map<String, String> headers) throws SourceException {
        Optional<Page> page = get(url, headers);
        if (page.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parse(url, page.get().body(), type));
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

    private static String describeFailure(String url, Response response) {
        String retryAfter = response.header("Retry-After");
        String attempts = response.header(Http.ATTEMPTS_HEADER);
        return "GET " + url + " answered HTTP " + response.code()
                + (retryAfter != null ? " (Retry-After: " + retryAfter + ")" : "")
                + (attempts != null ? " (after " + attempts + " attempts)" : "");
    }

    private static String describe(IOException e) {
        return IoFailure.describe(e);
    }
}
