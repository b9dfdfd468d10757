package org.criu.status.core.http;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.GzipSource;

/**
 * Seals every network answer before OkHttp's cache stores it: the body's length and SHA-256 go into a header
 * ({@link Http#BODY_DIGEST_HEADER}) that the cache keeps with the entry, so {@link CacheIntegrityInterceptor} can
 * tell a stored body that changed on disk. A gzip body is decoded here first (within the size cap), so what the
 * cache stores is exactly what the digest covers. Bodiless answers (304, HEAD) get no seal: a 304 keeps the
 * stored one.
 */
public final class BodyDigestInterceptor implements Interceptor {

    private final long maxBodyBytes;

    public BodyDigestInterceptor(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if ("HEAD".equals(chain.request().method()) || response.code() == 304 || response.code() == 204) {
            return response;
        }
        ResponseBody body = response.body();
        String url = LogicalUrl.of(chain.request()).toString();
        byte[] bytes = ResponseSizeLimitInterceptor.read(body, maxBodyBytes, url, response);
        Response.Builder sealed = response.newBuilder();
        if ("gzip".equalsIgnoreCase(response.header("Content-Encoding"))) {
            bytes = gunzip(bytes, url);
            sealed.removeHeader("Content-Encoding").removeHeader("Content-Length");
        }
        return sealed.header(Http.BODY_DIGEST_HEADER, seal(bytes))
                .body(ResponseBody.create(bytes, body.contentType())).build();
    }

    private byte[] gunzip(byte[] compressed, String url) throws IOException {
        Buffer in = new Buffer().write(compressed);
        Buffer out = new Buffer();
        try (GzipSource gzip = new GzipSource(in)) {
            while (gzip.read(out, 64 * 1024) != -1) {
                if (out.size() > maxBodyBytes) {
                    throw ResponseSizeLimitInterceptor.tooLarge(url, maxBodyBytes);
                }
            }
        }
        return out.readByteArray();
    }

    /** "LENGTH sha-256:HEX" for {@code body}. */
    public static String seal(byte[] body) {
        return body.length + " sha-256:" + sha256(body);
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
