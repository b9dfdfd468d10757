package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.criu.status.core.engine.CheckerRegistry;
import org.criu.status.core.recipe.RecipeLoader;
import org.criu.status.core.spi.Checker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Folders, ids and registrations agree: every {@code checkers/<id>/} folder is a module, registers a checker
 * whose id is the folder name, is on board the CLI, and is what ServiceLoader finds. The one exception is
 * {@code checkers/recipes/}, the module of the bundled recipes: there every {@code <id>.yaml} is a checker whose
 * id is its file name, listed in the index, with a section of the module's README. Reads whatever folders and
 * files exist, so a new checker or recipe is held to the same rules without touching this test.
 */
class CheckerLayoutTest {

    private static final String SERVICES = "src/main/resources/META-INF/services/" + Checker.class.getName();

    /** The module holding the bundled recipes; every other folder is one Java checker. */
    private static final String RECIPES = "recipes";
    private static final String RECIPE_FOLDER = "src/main/resources/" + RecipeLoader.FOLDER;

    private static Path root;
    private static Set<String> folders;
    /** Folders of Java checker modules. */
    private static Set<String> javaFolders;
    /** Ids of the bundled recipes: their file names. */
    private static Set<String> recipeIds;

    @BeforeAll
    static void readLayout() throws IOException {
        root = projectRoot();
        try (Stream<Path> children = Files.list(root.resolve("checkers"))) {
            folders = children.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals("target") && !name.startsWith("."))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(folders).as("checker folders under %s", root.resolve("checkers")).isNotEmpty();
        javaFolders = new TreeSet<>(folders);
        javaFolders.remove(RECIPES);
        try (Stream<Path> files = Files.list(root.resolve("checkers").resolve(RECIPES).resolve(RECIPE_FOLDER))) {
            recipeIds = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The test runs in cli/; the project root is the nearest folder above holding checkers/pom.xml. */
    private static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("checkers/pom.xml"))) {
                return dir;
            }
        }
        throw new AssertionError("no checkers/pom.xml above " + Path.of("").toAbsolutePath());
    }

    @Test
    void everyCheckerFolderIsAModuleOfCheckersPomNamedAfterIt() throws Exception {
        Set<String> modules = texts(xml(root.resolve("checkers/pom.xml")), "module");

        assertThat(modules).as("<module>s in checkers/pom.xml").containsExactlyInAnyOrderElementsOf(folders);
        for (String folder : folders) {
            Path pom = root.resolve("checkers").resolve(folder).resolve("pom.xml");
            assertThat(pom).as("checkers/%s has a pom.xml", folder).isRegularFile();
            assertThat(ownArtifactId(xml(pom))).as("artifactId of checkers/%s/pom.xml", folder)
                    .isEqualTo("checker-" + folder);
        }
    }

    @Test
    void everyFolderRegistersACheckerWhoseIdIsTheFolderName() throws Exception {
        assertThat(root.resolve("checkers").resolve(RECIPES).resolve(SERVICES))
                .as("checkers/%s holds recipes, no Java checker", RECIPES).doesNotExist();
        for (String folder : javaFolders) {
            Path services = root.resolve("checkers").resolve(folder).resolve(SERVICES);
            assertThat(services).as("checkers/%s registers its checker", folder).isRegularFile();
            List<String> classes = registeredClasses(services);
            assertThat(classes).as("class names in checkers/%s/%s", folder, SERVICES).isNotEmpty();
            for (String name : classes) {
                Class<?> type;
                try {
                    type = Class.forName(name);
                } catch (ClassNotFoundException e) {
                    throw new AssertionError("checkers/" + folder + " registers " + name
                            + ", which is not on the CLI's classpath (is checker-" + folder + " in cli/pom.xml?)", e);
                }
                Checker checker = (Checker) type.getDeclaredConstructor().newInstance();
                assertThat(checker.id()).as("id() of %s, registered in checkers/%s", name, folder).isEqualTo(folder);
                assertThat(type.getPackageName()).as("package of %s", name)
                        .isEqualTo("org.criu.status.checkers." + folder.replace("-", ""));
            }
        }
    }

    @Test
    void theCliDependsOnEveryChecker() throws Exception {
        Document cli = xml(root.resolve("cli/pom.xml"));
        Set<String> checkerDependencies = new TreeSet<>();
        NodeList dependencies = cli.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            String artifactId = childText((Element) dependencies.item(i), "artifactId");
            if (artifactId.startsWith("checker-")) {
                checkerDependencies.add(artifactId.substring("checker-".length()));
            }
        }

        assertThat(checkerDependencies).as("checker-<id> dependencies in cli/pom.xml")
                .containsExactlyInAnyOrderElementsOf(folders);
    }

    @Test
    void serviceLoaderOnTheCliClasspathFindsExactlyTheFoldersAndTheRecipes() throws Exception {
        CheckerRegistry registry = CheckerRegistry.load(CheckerLayoutTest.class.getClassLoader());

        Set<String> java = registry.all().stream().filter(d -> !d.recipe()).map(d -> d.checker().id())
                .collect(Collectors.toSet());
        Set<String> recipes = registry.all().stream().filter(CheckerRegistry.Discovered::recipe)
                .map(d -> d.checker().id()).collect(Collectors.toSet());

        assertThat(java).as("ids ServiceLoader finds").containsExactlyInAnyOrderElementsOf(javaFolders);
        assertThat(recipes).as("bundled recipe ids").containsExactlyInAnyOrderElementsOf(recipeIds);
        assertThat(registry.all()).filteredOn(CheckerRegistry.Discovered::recipe)
                .allSatisfy(d -> assertThat(d.module()).isEqualTo("checkers/recipes/" + d.checker().id() + ".yaml"));
    }

    @Test
    void theRecipeIndexListsExactlyTheRecipeFiles() throws IOException {
        Path index = root.resolve("checkers").resolve(RECIPES).resolve("src/main/resources/" + RecipeLoader.INDEX);
        Set<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
            String name = line.replaceFirst("#.*", "").strip();
            if (!name.isEmpty()) {
                listed.add(name.replaceFirst("\\.yaml$", ""));
            }
        }

        assertThat(listed).as("files listed in %s", root.relativize(index)).containsExactlyInAnyOrderElementsOf(recipeIds);
        assertThat(recipeIds).as("recipe ids and Java checker folders").doesNotContainAnyElementsOf(javaFolders);
    }

    @Test
    void everyRecipeHasASectionInTheRecipesReadmeAndARowInTheProjectReadme() throws IOException {
        String readme = Files.readString(root.resolve("checkers").resolve(RECIPES).resolve("README.md"));
        String project = Files.readString(root.resolve("README.md"));
        for (String id : recipeIds) {
            assertThat(readme).as("checkers/recipes/README.md has a section for %s", id).contains("\n## `" + id + "`");
            assertThat(project).as("README.md's checker table lists %s", id)
                    .contains("| [`" + id + "`](checkers/recipes/README.md#");
        }
    }

    private static List<String> registeredClasses(Path services) throws IOException {
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(services, StandardCharsets.UTF_8)) {
            String name = line.replaceFirst("#.*", "").strip();
            if (!name.isEmpty()) {
                classes.add(name);
            }
        }
        return classes;
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static Set<String> texts(Document document, String tag) {
        Set<String> texts = new TreeSet<>();
        NodeList nodes = document.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    /** The project's own artifactId (a direct child of project), not its parent's. */
    private static String ownArtifactId(Document pom) {
        return childText(pom.getDocumentElement(), "artifactId");
    }

    private static String childText(Element parent, String tag) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().strip();
            }
        }
        return fail("<%s> has no <%s>", parent.getTagName(), tag);
    }
}
