package org.criu.status.core.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One recorded HTTP exchange as a readable, editable text file:
 * <pre>
 * GET https://api.github.com/repos/file/file/tags?per_page=100
 * HTTP 200
 * Content-Type: application/json; charset=utf-8
 * Link: &lt;https://api.github.com/...&gt;; rel="next"
 *
 * [body, verbatim, to the end of the file]
 * </pre>
 * Lines starting with {@code #} before the request line are comments (where the data came from).
 */
public record Exchange(String method, String url, int status, List<Map.Entry<String, String>> headers, String body) {

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

    /**
     * Reads an exchange file.
     *
     * @throws IOException naming the file and the line that is not what the format expects
     */
    public static Exchange read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int pos = 0;
        String requestLine;
        while (true) {
            int nl = text.indexOf('\n', pos);
            if (nl < 0) {
                throw new IOException(file + ": no request line ('GET https://...')");
            }
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
        String statusLine = nl < 0 ? text.substring(pos) : text.substring(pos, nl);
        if (!statusLine.matches("HTTP \\d{3}\\s*")) {
            throw new IOException(file + ": status line '" + statusLine + "' is not 'HTTP nnn'");
        }
        int status = Integer.parseInt(statusLine.strip().substring(5));
        pos = nl < 0 ? text.length() : nl + 1;
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        while (pos < text.length()) {
            nl = text.indexOf('\n', pos);
            String line = nl < 0 ? text.substring(pos) : text.substring(pos, nl);
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
        return new Exchange(req[0], req[1].strip(), status, headers, text.substring(Math.min(pos, text.length())));
    }
}
