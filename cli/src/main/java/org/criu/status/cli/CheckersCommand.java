package org.criu.status.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.criu.status.core.engine.CheckerRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code checkers}: what ServiceLoader and the recipe loader found. */
@Command(name = "checkers", mixinStandardHelpOptions = true,
        description = "List the discovered checkers (Java modules and recipes): id, headings covered, sources, module or recipe file.")
final class CheckersCommand implements Callable<Integer> {

    @Mixin
    PluginOptions plugins;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). JSON: {\"checkers\": "
                    + "[{\"id\", \"module\", \"kind\", \"covers\": [...], \"sources\": [...], \"adds\"}]}, in the "
                    + "order of the text.")
    ListFormat format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        CheckerRegistry registry = plugins.registry();
        PrintWriter out = spec.commandLine().getOut();
        if (format == ListFormat.json) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = json.createObjectNode();
            ArrayNode list = root.putArray("checkers");
            for (CheckerRegistry.Discovered d : registry.all()) {
                ObjectNode o = list.addObject();
                o.put("id", d.checker().id());
                o.put("module", d.module());
                o.put("kind", d.recipe() ? "recipe" : "java");
                d.checker().covers().forEach(o.putArray("covers")::add);
                d.checker().sources().forEach(o.putArray("sources")::add);
                d.checker().newEntry().ifPresentOrElse(e -> {
                    ObjectNode adds = o.putObject("adds");
                    adds.put("heading", e.heading());
                    adds.put("section", e.section());
                }, () -> o.putNull("adds"));
            }
            out.println(json.writeValueAsString(root));
            out.flush();
            return Main.OK;
        }
        out.printf("%d checkers%n", registry.all().size());
        for (CheckerRegistry.Discovered d : registry.all()) {
            out.printf("%n%s  (%s %s)%n", d.checker().id(), d.recipe() ? "recipe" : "module", d.module());
            out.printf("  covers:  %s%n", String.join(" | ", d.checker().covers()));
            for (String source : d.checker().sources()) {
                out.printf("  source:  %s%n", source);
            }
            d.checker().newEntry().ifPresent(e -> out.printf("  adds:    %s (in %s) when the page lacks it%n",
                    e.heading(), e.section()));
        }
        out.flush();
        return Main.OK;
    }
}
