package org.criu.status.core.recipe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.criu.status.core.spi.HeadingMatcher;
import org.criu.status.core.spi.Canary;
import org.criu.status.core.spi.NewEntry;

/**
 * Reads and validates recipes (YAML, with Jackson's YAML module). Everything is checked when the file is read,
 * before any run: an unknown key, a bad pattern, a missing or ill-typed field, a signal that does not exist,
 * an id that is not the file's name. The error names the file and the line ({@link RecipeException}).
 *
 * <p>Recipes come from the runnable jar ({@value #INDEX} lists the bundled ones, which sit beside it in
 * {@value #FOLDER}) and from {@code --plugins DIR} ({@code *.yaml} beside the checker jars).
 */
public final class RecipeLoader {

    /** The classpath folder bundled recipes sit in, one {@code <id>.yaml} each. */
    public static final String FOLDER = "META-INF/integration-status/recipes/";
    /** The classpath file listing the bundled recipes' file names, one a line. */
    public static final String INDEX = "META-INF/integration-status/recipes.index";
    /** How bundled recipes are named in listings and errors (their folder in the project). */
    public static final String BUNDLED_ORIGIN = "checkers/recipes/";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_FINAL_FIELDS_AS_MUTATORS)
            .disable(MapperFeature.INFER_PROPERTY_MUTATORS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RecipeLoader() {
    }

    /** Reads one recipe; {@code origin} names it in errors and listings, its file name must be {@code <id>.yaml}. */
    public static RecipeChecker parse(String origin, String text) throws RecipeException {
        Document doc;
        try {
            doc = YAML.readValue(text, Document.class);
        } catch (ValueInstantiationException e) {
            // Jackson reports unknown keys only after the object is built; a typo of a required key would show
            // as "missing". Name the typo instead when the object has a key its type does not know.
            Optional<RecipeException> typo = unknownKey(origin, text, e);
            if (typo.isPresent()) {
                throw typo.get();
            }
            throw new RecipeException(origin, line(text, e), describe(e));
        } catch (JsonProcessingException e) {
            throw new RecipeException(origin, line(text, e), describe(e));
        }
        if (doc == null) {
            throw new RecipeException(origin, 0, "the file is empty; a recipe needs id, covers and probes");
        }
        String fileName = origin.substring(origin.replace('\\', '/').lastIndexOf('/') + 1);
        if (!fileName.equals(doc.id() + ".yaml")) {
            throw new RecipeException(origin, lineOf(text, "/id"), "id '" + doc.id() + "' is not the file's name: call"
                    + " the file " + doc.id() + ".yaml, or the recipe " + fileName.replaceFirst("\\.ya?ml$", ""));
        }
        if (doc.entry().isPresent() && !HeadingMatcher.matches(doc.entry().get().heading(), doc.covers())) {
            throw new RecipeException(origin, lineOf(text, "/entry/heading"), "entry heading '"
                    + doc.entry().get().heading() + "' is not among the headings the recipe covers " + doc.covers());
        }
        return new RecipeChecker(doc.id(), doc.covers(), doc.sources(), doc.entry(), doc.probes(), doc.canaries(),
                origin);
    }

    /** Reads a recipe file. */
    public static RecipeChecker read(Path file) throws RecipeException {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RecipeException(file.toString(), 0, "cannot read it: " + e.getMessage());
        }
    }

    /** Every {@code *.yaml} in {@code dir}, by file name. */
    public static List<RecipeChecker> fromDirectory(Path dir) throws RecipeException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new RecipeException(dir.toString(), 0, "cannot list the folder: " + e.getMessage());
        }
        List<RecipeChecker> recipes = new ArrayList<>();
        for (Path file : files) {
            recipes.add(read(file));
        }
        return recipes;
    }

    /** The recipes bundled on {@code loader}'s classpath (every {@value #INDEX} it sees). */
    public static List<RecipeChecker> bundled(ClassLoader loader) throws RecipeException {
        Set<String> names = new LinkedHashSet<>();
        try {
            Enumeration<URL> indexes = loader.getResources(INDEX);
            while (indexes.hasMoreElements()) {
                URL index = indexes.nextElement();
                try (InputStream in = index.openStream()) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                            .map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty()).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new RecipeException(INDEX, 0, "cannot read the index of bundled recipes: " + e.getMessage());
        }
        List<RecipeChecker> recipes = new ArrayList<>();
        for (String name : names) {
            recipes.add(bundled(loader, name));
        }
        return recipes;
    }

    /** One bundled recipe by file name ({@code runc.yaml}); for tests of bundled recipes. */
    public static RecipeChecker bundled(ClassLoader loader, String name) throws RecipeException {
        String origin = BUNDLED_ORIGIN + name;
        try (InputStream in = loader.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new RecipeException(origin, 0, INDEX + " lists it, but there is no " + FOLDER + name);
            }
            return parse(origin, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RecipeException(origin, 0, "cannot read it: " + e.getMessage());
        }
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    /** A key a validation message starts with: "'repo: runc' is not...", "'what' is missing". */
    private static final Pattern KEY_IN_MESSAGE = Pattern.compile("^'([a-z][a-z.-]*)[:' ]");

    /**
     * The line to blame. Jackson places a fault found while building an object (a missing key, two keys that
     * exclude each other, a value the object refuses) at the object's end; the line of the key the message
     * names, or else the line where the object starts, is where a person looks.
     */
    private static int line(String text, JsonProcessingException e) {
        if (!(e instanceof ValueInstantiationException v)) {
            return line(e.getLocation());
        }
        String pointer = pointer(v);
        String message = rootMessage(e);
        java.util.regex.Matcher key = KEY_IN_MESSAGE.matcher(message == null ? "" : message);
        String name = key.find() ? key.group(1) : null;
        if (name != null) {
            name = name.replace('.', '/');
        }
        int depth = pointer.isEmpty() ? 0 : pointer.split("/").length - 1;
        int start = 0;
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                String at = parser.getParsingContext().pathAsPointer().toString();
                if (!at.equals(pointer) && !at.startsWith(pointer + "/")) {
                    continue;
                }
                if (start == 0 && !pointer.isEmpty()) {
                    start = parser.currentTokenLocation().getLineNr();
                }
                int atDepth = at.split("/").length - 1;
                if (name != null && t == JsonToken.FIELD_NAME && at.endsWith("/" + name) && atDepth <= depth + 3) {
                    return parser.currentTokenLocation().getLineNr();
                }
            }
        } catch (IOException ignored) {
            // The text parsed once already; fall back to Jackson's place.
        }
        return start > 0 ? start : line(e.getLocation());
    }

    private static Optional<RecipeException> unknownKey(String origin, String text, ValueInstantiationException e) {
        Set<String> known = creatorKeys(e.getType().getRawClass());
        if (known.isEmpty()) {
            return Optional.empty();
        }
        String pointer = pointer(e);
        int depth = pointer.isEmpty() ? 0 : pointer.split("/").length - 1;
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                String at = parser.getParsingContext().pathAsPointer().toString();
                if (t != JsonToken.FIELD_NAME || !at.startsWith(pointer + "/")) {
                    continue;
                }
                int atDepth = at.split("/").length - 1;
                // The object's own keys: right under it, or under its probe-kind wrapper ("/probes/0/file/...").
                boolean probe = Probe.class.isAssignableFrom(e.getType().getRawClass());
                if (atDepth == depth + (probe ? 2 : 1)
                        && !known.contains(parser.currentName())) {
                    String where = path(e);
                    return Optional.of(new RecipeException(origin, parser.currentTokenLocation().getLineNr(),
                            "unknown key '" + parser.currentName() + "'" + (where.isEmpty() ? "" : " in '" + where + "'")
                                    + "; known keys here: " + String.join(", ", new java.util.TreeSet<>(known))));
                }
            }
        } catch (IOException ignored) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The keys a type's {@code @JsonCreator} method binds. */
    private static Set<String> creatorKeys(Class<?> type) {
        Set<String> keys = new java.util.TreeSet<>();
        for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
            if (m.isAnnotationPresent(JsonCreator.class) && java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                for (java.lang.reflect.Parameter p : m.getParameters()) {
                    JsonProperty property = p.getAnnotation(JsonProperty.class);
                    if (property != null) {
                        keys.add(property.value());
                    }
                }
            }
        }
        return keys;
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append('/').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('/').append(ref.getIndex());
            }
        }
        return out.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e.getCause();
        while (root != null && !(root instanceof IllegalArgumentException) && root.getCause() != null) {
            root = root.getCause();
        }
        return root instanceof IllegalArgumentException ? root.getMessage() : null;
    }

    /** The line where the key at {@code pointer} ("/entry/heading") is written, 0 when it is not. */
    static int lineOf(String text, String pointer) {
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.FIELD_NAME && parser.getParsingContext().pathAsPointer().toString().equals(pointer)) {
                    return parser.currentTokenLocation().getLineNr();
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** What went wrong, in the recipe's terms (keys as written, no Java class names). */
    private static String describe(JsonProcessingException e) {
        String where = e instanceof JsonMappingException m ? path(m) : "";
        String at = where.isEmpty() ? "" : "'" + where + "': ";
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : "; known keys here: " + u.getKnownPropertyIds()
                    .stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return "unknown key '" + u.getPropertyName() + "'" + (where.contains(".") ? " in '"
                    + where.substring(0, where.lastIndexOf('.')) + "'" : "") + known;
        }
        if (e instanceof InvalidTypeIdException t) {
            return at + "unknown probe '" + t.getTypeId() + "'; probes are " + Probe.KINDS;
        }
        Throwable cause = e.getCause();
        if (e instanceof ValueInstantiationException || cause instanceof IllegalArgumentException) {
            Throwable root = cause;
            while (root != null && !(root instanceof IllegalArgumentException) && root.getCause() != null) {
                root = root.getCause();
            }
            return at + (root != null && root.getMessage() != null ? root.getMessage() : e.getOriginalMessage());
        }
        String message = e.getOriginalMessage().replaceAll("`[a-z]+(\\.[a-zA-Z0-9_$]+)+`", "this key's type")
                .replaceAll("\\s*\\(for Object starting at.*", "");
        return at + message;
    }

    /** The key path of a mapping error: "probes[1].file.pattern". */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** The whole file as written. */
    record Document(String id, List<String> covers, List<String> sources, Optional<NewEntry> entry, List<Probe> probes,
                    List<Canary> canaries) {
        Document {
            if (id == null || !ID.matcher(id).matches()) {
                throw new IllegalArgumentException(id == null ? "'id' is missing (kebab-case, like 'cri-o')"
                        : "id '" + id + "' is not kebab-case (like 'cri-o')");
            }
            if (covers == null || covers.isEmpty() || covers.stream().anyMatch(c -> c == null || c.isBlank())) {
                throw new IllegalArgumentException("'covers' is missing: the headings editors write for this"
                        + " integration (like [CRI-O, cri-o])");
            }
            covers = List.copyOf(covers);
            sources = sources == null ? List.of() : List.copyOf(sources);
            if (probes == null || probes.isEmpty() || probes.contains(null)) {
                throw new IllegalArgumentException("'probes' is missing: at least one of " + Probe.KINDS);
            }
            probes = List.copyOf(probes);
            if (canaries != null && canaries.contains(null)) {
                throw new IllegalArgumentException("'canaries' has an empty item: each names a fact, what to fetch and"
                        + " what to find (see Canary)");
            }
            canaries = canaries == null ? List.of() : List.copyOf(canaries);
        }

        @JsonCreator
        static Document bind(@JsonProperty("id") String id, @JsonProperty("covers") List<String> covers,
                             @JsonProperty("sources") List<String> sources, @JsonProperty("entry") Entry entry,
                             @JsonProperty("probes") List<Probe> probes,
                             @JsonProperty("canaries") List<Canary> canaries) {
            return new Document(id, covers, sources, Optional.ofNullable(entry).map(Entry::toNewEntry), probes,
                    canaries);
        }
    }

    /** {@code entry:}, the page entry to propose when the page lacks one. */
    record Entry(@JsonProperty("heading") String heading, @JsonProperty("section") String section,
                 @JsonProperty("note") String note) {
        NewEntry toNewEntry() {
            if (heading == null || heading.isBlank()) {
                throw new IllegalArgumentException("'entry.heading' is missing: the heading an editor would add");
            }
            if (section == null || section.isBlank()) {
                throw new IllegalArgumentException("'entry.section' is missing: the page section it belongs in"
                        + " (like 'Container platforms')");
            }
            return new NewEntry(heading.strip(), section.strip(), Optional.ofNullable(note));
        }
    }
}
