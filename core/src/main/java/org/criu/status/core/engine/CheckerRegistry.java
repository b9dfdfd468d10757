package org.criu.status.core.engine;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.criu.status.core.recipe.RecipeChecker;
import org.criu.status.core.recipe.RecipeException;
import org.criu.status.core.recipe.RecipeLoader;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.spi.HeadingMatcher;

/**
 * The discovered checkers: the one place that calls {@link ServiceLoader} and reads recipes (the bundled ones and
 * a {@code --plugins} folder's {@code *.yaml}); rejects bad and duplicate ids, across Java checkers and recipes.
 */
public final class CheckerRegistry {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * A checker and where it came from (its module or jar; for a recipe, its file), for
     * {@code integration-status checkers}.
     */
    public record Discovered(Checker checker, String module) {
        /** Whether the checker is a recipe (a YAML file) rather than a Java class. */
        public boolean recipe() {
            return checker instanceof RecipeChecker;
        }
    }

    private final List<Discovered> checkers;
    /**
     * Each checker's aliases reduced to their significant words, once, as the registry loads (which a check does
     * while the page is being fetched) rather than for every heading of the page.
     */
    private final Map<Checker, List<Set<String>>> aliasWords = new IdentityHashMap<>();

    private CheckerRegistry(List<Discovered> checkers) {
        this.checkers = List.copyOf(checkers);
        for (Discovered d : this.checkers) {
            aliasWords.put(d.checker(), d.checker().covers().stream().map(HeadingMatcher::significantWords).toList());
        }
    }

    /**
     * Discovers checkers visible to {@code loader}.
     *
     * @throws RegistryException for a duplicate or malformed id, or a registration that cannot be loaded
     */
    public static CheckerRegistry load(ClassLoader loader) throws RegistryException {
        return load(loader, Optional.empty());
    }

    /**
     * Discovers the Java checkers and bundled recipes visible to {@code loader}, and the recipes ({@code *.yaml})
     * in {@code plugins} when given (its jars are for {@link #withPlugins}).
     *
     * @throws RegistryException for a duplicate or malformed id, a registration that cannot be loaded, or a
     *                           recipe that does not validate (the message names its file and line)
     */
    public static CheckerRegistry load(ClassLoader loader, Optional<Path> plugins) throws RegistryException {
        Map<String, Discovered> byId = new LinkedHashMap<>();
        try {
            for (Checker checker : ServiceLoader.load(Checker.class, loader)) {
                add(byId, checker);
            }
        } catch (ServiceConfigurationError e) {
            throw new RegistryException("a checker registration cannot be loaded: " + e.getMessage());
        }
        try {
            for (RecipeChecker recipe : RecipeLoader.bundled(loader)) {
                add(byId, recipe);
            }
            if (plugins.isPresent()) {
                for (RecipeChecker recipe : RecipeLoader.fromDirectory(plugins.get())) {
                    add(byId, recipe);
                }
            }
        } catch (RecipeException e) {
            throw new RegistryException(e.getMessage());
        }
        List<Discovered> sorted = new ArrayList<>(byId.values());
        sorted.sort(Comparator.comparing(d -> d.checker().id()));
        return new CheckerRegistry(sorted);
    }

    /** For tests and embedding: a registry of the given checkers, validated like discovered ones. */
    public static CheckerRegistry of(List<? extends Checker> checkers) throws RegistryException {
        Map<String, Discovered> byId = new LinkedHashMap<>();
        for (Checker c : checkers) {
            add(byId, c);
        }
        return new CheckerRegistry(new ArrayList<>(byId.values()));
    }

    /**
     * A class loader that sees the application's checkers plus every jar in {@code dir} ({@code --plugins}).
     *
     * @throws RegistryException naming the folder when it is missing or unreadable
     */
    public static ClassLoader withPlugins(Path dir, ClassLoader parent) throws RegistryException {
        if (!Files.isDirectory(dir)) {
            throw new RegistryException("--plugins " + dir + ": not a folder");
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                jars.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new RegistryException("--plugins " + dir + ": " + e.getMessage());
        } catch (IOException e) {
            throw new RegistryException("--plugins " + dir + ": cannot list the folder: " + e.getMessage());
        }
        return new URLClassLoader(jars.toArray(URL[]::new), parent);
    }

    private static void add(Map<String, Discovered> byId, Checker checker) throws RegistryException {
        String id = checker.id();
        String module = moduleOf(checker);
        if (id == null || !ID.matcher(id).matches()) {
            throw new RegistryException("checker " + name(checker) + " (" + module
                    + ") has id '" + id + "': ids are kebab-case, like 'file-utility'");
        }
        if (checker.covers() == null || checker.covers().isEmpty()) {
            throw new RegistryException("checker '" + id + "' (" + module + ") covers no heading");
        }
        var entry = checker.newEntry();
        if (entry == null || entry.filter(e -> !HeadingMatcher.matches(e.heading(), checker.covers())).isPresent()) {
            throw new RegistryException("checker '" + id + "' (" + module + ") proposes "
                    + (entry == null ? "a null entry" : "the entry '" + entry.get().heading()
                    + "', which none of its headings " + checker.covers() + " covers"));
        }
        Discovered previous = byId.putIfAbsent(id, new Discovered(checker, module));
        if (previous != null) {
            throw new RegistryException("two checkers have the id '" + id + "': "
                    + name(previous.checker()) + " (" + previous.module() + ") and "
                    + name(checker) + " (" + module + ")");
        }
    }

    private static String name(Checker checker) {
        return checker instanceof RecipeChecker ? "recipe " + checker.id() : checker.getClass().getName();
    }

    /**
     * Where a checker came from: "checkers/&lt;id&gt;" for the project's own modules (their folder is their id,
     * which the layout test enforces), whether run from a build folder, a module jar or the shaded jar;
     * the jar's file name for a {@code --plugins} jar.
     */
    private static String moduleOf(Checker checker) {
        if (checker instanceof RecipeChecker recipe) {
            return recipe.origin();
        }
        String own = location(CheckerRegistry.class);
        String path = location(checker.getClass());
        if (path.isEmpty()) {
            return "unknown";
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        if (path.equals(own) || trimmed.endsWith("/target/classes")
                || name.matches("checker-" + Pattern.quote(checker.id()) + "-[0-9][^/]*\\.jar")) {
            return "checkers/" + checker.id();
        }
        return name;
    }

    private static String location(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "" : source.getLocation().getPath();
    }

    public List<Discovered> all() {
        return checkers;
    }

    public Optional<Checker> byId(String id) {
        return checkers.stream().map(Discovered::checker).filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * The checker covering a heading. When several match, the one sharing the most significant words with
     * the heading wins, then the lower id, so the choice never depends on discovery order.
     */
    public Optional<Checker> forHeading(String heading) {
        Set<String> words = HeadingMatcher.significantWords(heading);
        return checkers.stream().map(Discovered::checker)
                .filter(c -> names(words, c))
                .max(Comparator.comparingLong((Checker c) -> aliasWords(c).stream()
                                .mapToLong(a -> a.stream().filter(words::contains).count())
                                .max().orElse(0))
                        .thenComparing(Checker::id, Comparator.reverseOrder()));
    }

    /**
     * Whether a heading, reduced to its {@link HeadingMatcher#significantWords significant words}, names what
     * {@code checker} covers ({@link HeadingMatcher#matches(String, List)}).
     */
    public boolean names(Set<String> headingWords, Checker checker) {
        return HeadingMatcher.matches(headingWords, aliasWords(checker));
    }

    private List<Set<String>> aliasWords(Checker checker) {
        List<Set<String>> words = aliasWords.get(checker);
        return words != null ? words : checker.covers().stream().map(HeadingMatcher::significantWords).toList();
    }

    /** A discovery problem; the message says which checker and what is wrong. */
    public static final class RegistryException extends Exception {
        public RegistryException(String message) {
            super(message);
        }
    }
}
