package org.criu.status.core.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One recorded HTTP exchange as a readable, editable text file:
 * <pre>
 * GET https://api.github.com/repos/file/file/tags?per_page=100
 * HTTP 200
 * Content-Type: application/json; charset=utf-8
 * Link: &lt;https://api.github.com/...&gt;; rel="next"
 * Content-Length: 1234
 * Content-Digest: sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:
 *
 * [body, verbatim, to the end of the file]
 * </pre>
 * Lines starting with {@code #} before the request line are comments (where the data came from). The head's
 * lines may end in CRLF (a Windows checkout). {@code Content-Length} (bytes, UTF-8) and {@code Content-Digest}
 * (RFC 9530, SHA-256) seal the body: {@code --record} writes them, {@link #read} checks them, so a body cut short
 * or edited by hand is a clear error naming the file, never a different answer. After a deliberate edit,
 * {@code integration-status recording seal DIR} ({@link RecordingSeal}) seals the files again.
 */
public record Exchange(String method, String url, int status, List<Map.Entry<String, String>> headers, String body) {

    public static final String LENGTH = "Content-Length";
    public static final String DIGEST = "Content-Digest";

    public Exchange {
        headers = List.copyOf(headers);
    }

    /** The key replay looks requests up by. */
    public String key() {
        return key(method, url);
    }

    public static String key(String method, String url) {
        return method.toUpperCase(Locale.ROOT) + " " + url;
    }

    /** The same exchange with {@code Content-Length} and {@code Content-Digest} of its body (replacing any). */
    public Exchange sealed() {
        List<Map.Entry<String, String>> sealed = new ArrayList<>();
        for (Map.Entry<String, String> h : headers) {
            if (!h.getKey().equalsIgnoreCase(LENGTH) && !h.getKey().equalsIgnoreCase(DIGEST)) {
                sealed.add(h);
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        sealed.add(Map.entry(LENGTH, Integer.toString(bytes.length)));
        sealed.add(Map.entry(DIGEST, digest(bytes)));
        return new Exchange(method, url, status, sealed, body);
    }

    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(method).append(' ').append(url).append('\n');
        out.append("HTTP ").append(status).append('\n');
        for (Map.Entry<String, String> h : headers) {
            out.append(h.getKey()).append(": ").append(h.getValue()).append('\n');
        }
        out.append('\n').append(body);
        return out.toString();
    }

    /** {@code sha-256=:BASE64:}, as RFC 9530's Content-Digest writes it. */
    public static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "sha-256=:" + Base64.getEncoder().encodeToString(hash) + ":";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Reads an exchange file and checks its seal.
     *
     * @throws IOException naming the file and what is wrong: not UTF-8 text, a line that is not what the format
     *                     expects, no seal, or a body that does not match its seal (with the command that
     *                     seals it again after a deliberate edit)
     */
    public static Exchange read(Path file) throws IOException {
        Parsed parsed = parse(file);
        Exchange exchange = parsed.exchange();
        Optional<String> length = exchange.header(LENGTH);
        Optional<String> digest = exchange.header(DIGEST);
        String reseal = "; if you edited it on purpose, seal it again: integration-status recording seal "
                + folderOf(file);
        if (length.isEmpty() || digest.isEmpty()) {
            throw new IOException(file + ": no " + (length.isEmpty() ? LENGTH : DIGEST) + " header sealing its body"
                    + reseal);
        }
        String problem = mismatch(exchange.body(), length.get(), digest.get());
        if (problem == null) {
            return exchange;
        }
        if (parsed.crlf()) {
            // A Windows checkout turned every LF into CRLF, the body's too; the seal is over the LF body.
            String lf = exchange.body().replace("\r\n", "\n");
            if (mismatch(lf, length.get(), digest.get()) == null) {
                return new Exchange(exchange.method(), exchange.url(), exchange.status(), exchange.headers(), lf);
            }
        }
        throw new IOException(file + ": " + problem + reseal);
    }

    /** How {@code body} differs from its seal, or null when it matches. */
    private static String mismatch(String body, String length, String digest) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!length.strip().equals(Integer.toString(bytes.length))) {
            return "the body is " + bytes.length + " bytes, but its " + LENGTH + " says " + length.strip()
                    + " (cut short, or edited?)";
        }
        if (!digest.strip().equals(digest(bytes))) {
            return "the body does not match its " + DIGEST + " (edited?)";
        }
        return null;
    }

    /** The first value of header {@code name}. */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    /** An exchange as read, before its seal is checked, and whether its head's lines end in CRLF. */
    record Parsed(Exchange exchange, boolean crlf, int bodyOffset) {
    }

    /** Reads an exchange file without checking its seal (sealing reads this way). */
    static Parsed parse(Path file) throws IOException {
        String text = utf8(file);
        int pos = 0;
        String requestLine;
        boolean crlf;
        while (true) {
            int nl = text.indexOf('\n', pos);
            if (nl < 0) {
                throw new IOException(file + ": no request line ('GET https://...')");
            }
            crlf = nl > 0 && text.charAt(nl - 1) == '\r';
            requestLine = text.substring(pos, nl).strip();
            pos = nl + 1;
            if (!requestLine.isEmpty() && !requestLine.startsWith("#")) {
                break;
            }
        }
        String[] req = requestLine.split(" ", 2);
        if (req.length != 2) {
            throw new IOException(file + ": request line '" + requestLine + "' is not 'METHOD URL'");
        }
        int nl = text.indexOf('\n', pos);
        String statusLine = withoutCr(nl < 0 ? text.substring(pos) : text.substring(pos, nl));
        if (!statusLine.matches("HTTP \\d{3}\\s*")) {
            throw new IOException(file + ": status line '" + statusLine + "' is not 'HTTP nnn'");
        }
        int status = Integer.parseInt(statusLine.strip().substring(5));
        pos = nl < 0 ? text.length() : nl + 1;
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        while (pos < text.length()) {
            nl = text.indexOf('\n', pos);
            String line = withoutCr(nl < 0 ? text.substring(pos) : text.substring(pos, nl));
            pos = nl < 0 ? text.length() : nl + 1;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException(file + ": header line '" + line + "' is not 'Name: value'");
            }
            headers.add(Map.entry(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        int bodyOffset = Math.min(pos, text.length());
        return new Parsed(new Exchange(req[0], req[1].strip(), status, headers, text.substring(bodyOffset)), crlf,
                bodyOffset);
    }

    /** The file as UTF-8 text; anything else (random bytes, a binary file) is named as not a recording. */
    static String utf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not a recorded exchange: it is not UTF-8 text (" + firstBadByte(bytes)
                    + ")");
        }
    }

    private static String firstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? "byte " + (in.position() + 1) + " of " + bytes.length : "bytes";
    }

    private static String withoutCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static Path folderOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        Path relative = file.getParent();
        return relative != null ? relative : parent != null ? parent : Path.of(".");
    }
}
