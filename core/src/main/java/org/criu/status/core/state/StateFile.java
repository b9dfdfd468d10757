package org.criu.status.core.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the {@code --state} file: JSON with a format name and a version. A file that is not one
 * (corrupt, truncated, another tool's, a newer version, another page's) is refused with an error naming it, and
 * is never overwritten; writing replaces the file atomically, keeping its permissions.
 */
public final class StateFile {

    /** The value of the "format" field that marks our files. */
    public static final String FORMAT = "integration-status/state";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StateFile() {
    }

    /**
     * The state in {@code file}, or an empty one for {@code page} when the file does not exist yet.
     *
     * @throws StateException naming the file when it cannot be used
     */
    public static State read(Path file, String page) throws StateException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return State.empty(page);
        } catch (IOException e) {
            throw new StateException(file + ": cannot read the state file: " + e.getMessage(), e);
        }
        State state = parse(file, bytes);
        if (!state.page().equals(page)) {
            throw new StateException(file + ": a state file for another page (" + state.page() + "), not " + page
                    + "; use one --state file per page");
        }
        return state;
    }

    /**
     * The state in an existing {@code file}, whatever page it is for (dismiss and undismiss edit it in place).
     *
     * @throws StateException naming the file when it cannot be used or does not exist
     */
    public static State readAnyPage(Path file) throws StateException {
        try {
            return parse(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new StateException(file + ": cannot read the state file: " + e.getMessage(), e);
        }
    }

    /** Writes {@code state} to {@code file} atomically, keeping the file's permissions. */
    public static void write(Path file, State state) throws StateException {
        try {
            AtomicFile.write(file, (JSON.writeValueAsString(toJson(state)) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StateException(file + ": cannot write the state file: " + e.getMessage(), e);
        }
    }

    static State parse(Path file, byte[] bytes) throws StateException {
        JsonNode root;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (text.isBlank()) {
                throw new StateException(file + ": the state file is empty (truncated?); move it away to start over");
            }
            root = JSON.readTree(text);
        } catch (CharacterCodingException e) {
            throw new StateException(file + ": not an integration-status state file (not UTF-8 text)");
        } catch (JsonProcessingException e) {
            throw new StateException(file + ": the state file is corrupt or truncated (" + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + "); move it away to start over");
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
            throw new StateException(file + ": not an integration-status state file (no \"format\": \"" + FORMAT
                    + "\")");
        }
        JsonNode version = root.path("version");
        if (!version.canConvertToInt() || !version.isIntegralNumber()) {
            throw new StateException(file + ": the state file has no version number");
        }
        if (version.asInt() > State.VERSION) {
            throw new StateException(file + ": written by a newer integration-status (state version "
                    + version.asInt() + "; this one reads up to " + State.VERSION + "); upgrade, or use another file");
        }
        if (version.asInt() < 1) {
            throw new StateException(file + ": the state file has an invalid version " + version.asInt());
        }
        try {
            Map<String, State.Entry> entries = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object(root, "entries").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode n = e.getValue();
                List<State.Piece> pieces = new ArrayList<>();
                for (JsonNode p : array(n, "evidence")) {
                    pieces.add(new State.Piece(text(p, "url"), text(p, "digest")));
                }
                entries.put(e.getKey(), new State.Entry(optionalText(n, "checker"), text(n, "said"),
                        text(n, "fingerprint"), pieces, instant(n, "firstSeen"), instant(n, "lastSeen"),
                        number(n, "runs")));
            }
            Map<String, History.Dismissal> dismissals = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object(root, "dismissals").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode n = e.getValue();
                dismissals.put(e.getKey(), new History.Dismissal(text(n, "reason"), instant(n, "at"),
                        text(n, "fingerprint")));
            }
            Optional<Instant> lastRun = root.path("lastRun").isNull() || root.path("lastRun").isMissingNode()
                    ? Optional.empty() : Optional.of(instant(root, "lastRun"));
            return new State(text(root, "page"), number(root, "runs"), lastRun, entries, dismissals);
        } catch (IllegalArgumentException e) {
            throw new StateException(file + ": the state file is corrupt: " + e.getMessage()
                    + "; move it away to start over");
        }
    }

    static ObjectNode toJson(State state) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", State.VERSION);
        root.put("page", state.page());
        root.put("runs", state.runs());
        state.lastRun().ifPresentOrElse(t -> root.put("lastRun", t.toString()), () -> root.putNull("lastRun"));
        ObjectNode entries = root.putObject("entries");
        state.entries().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode n = entries.putObject(e.getKey());
            State.Entry v = e.getValue();
            v.checker().ifPresentOrElse(c -> n.put("checker", c), () -> n.putNull("checker"));
            n.put("said", v.said());
            n.put("fingerprint", v.fingerprint());
            ArrayNode pieces = n.putArray("evidence");
            v.evidence().forEach(p -> pieces.addObject().put("url", p.url()).put("digest", p.digest()));
            n.put("firstSeen", v.firstSeen().toString());
            n.put("lastSeen", v.lastSeen().toString());
            n.put("runs", v.runs());
        });
        ObjectNode dismissals = root.putObject("dismissals");
        state.dismissals().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode n = dismissals.putObject(e.getKey());
            n.put("reason", e.getValue().reason());
            n.put("at", e.getValue().at().toString());
            n.put("fingerprint", e.getValue().fingerprint());
        });
        return root;
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isObject()) {
            throw new IllegalArgumentException("\"" + field + "\" is not an object");
        }
        return v;
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isArray()) {
            throw new IllegalArgumentException("\"" + field + "\" is not a list");
        }
        return v;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not text");
        }
        return v.asText();
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static int number(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isIntegralNumber() || v.asInt() < 0) {
            throw new IllegalArgumentException("\"" + field + "\" is not a count");
        }
        return v.asInt();
    }

    private static Instant instant(JsonNode node, String field) {
        try {
            return Instant.parse(text(node, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + field + "\" is not a time (" + node.path(field).asText() + ")");
        }
    }
}
