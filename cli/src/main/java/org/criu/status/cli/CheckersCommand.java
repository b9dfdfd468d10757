package org.criu.status.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.criu.status.core.engine.CheckerRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code checkers}: what ServiceLoader found. */
@Command(name = "checkers", mixinStandardHelpOptions = true,
        description = "List the discovered checkers (Java modules and recipes): id, headings covered, sources, module or recipe file.")
final class CheckersCommand implements Callable<Integer> {

    @Mixin
    PluginOptions plugins;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CheckerRegistry registry = plugins.registry();
        PrintWriter out = spec.commandLine().getOut();
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
