package org.criu.status.core.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.criu.status.core.model.SourceException;

/**
 * Reads each network response body into memory, failing past a size cap (10 MB by default) with a message
 * naming the URL and the limit. As a network interceptor it runs while the host's permit is held, so a body
 * counts as "in flight" until it has arrived, and an oversized body never reaches the disk cache. Here the
 * body may still be gzip-compressed; {@link SingleFlightInterceptor} applies the same cap after decompression.
 */
final class ResponseSizeLimitInterceptor implements Interceptor {

    private final long maxBytes;

    public ResponseSizeLimitInterceptor(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        byte[] bytes = read(body, maxBytes, LogicalUrl.of(chain.request()).toString(), response);
        return response.newBuilder().body(ResponseBody.create(bytes, body.contentType())).build();
    }

    /**
     * Reads a whole body, closing the response; throws once more than {@code maxBytes} arrive.
     *
     * @throws SourceException naming {@code url} and the limit when the body is larger
     */
    static byte[] read(ResponseBody body, long maxBytes, String url, Response response) throws IOException {
        try (response) {
            long declared = body.contentLength();
            if (declared > maxBytes) {
                throw tooLarge(url, maxBytes);
            }
            BufferedSource source = body.source();
            Buffer buffer = new Buffer();
            while (buffer.size() <= maxBytes) {
                if (source.read(buffer, 64 * 1024) == -1) {
                    return buffer.readByteArray();
                }
            }
            throw tooLarge(url, maxBytes);
        }
    }

    static SourceException tooLarge(String url, long maxBytes) {
        return new SourceException(url, "GET " + url + ": response body larger than the "
                + HttpLimits.describeBytes(maxBytes) + " limit");
    }
}
