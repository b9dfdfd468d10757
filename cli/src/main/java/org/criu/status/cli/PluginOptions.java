package org.criu.status.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.criu.status.core.engine.CheckerRegistry;
import picocli.CommandLine.Option;

/** {@code --plugins DIR}: extra checkers, as jars and as recipes ({@code *.yaml}). */
final class PluginOptions {

    @Option(names = "--plugins", paramLabel = "DIR", description = "Also load checkers from DIR: jars, and recipes (*.yaml).")
    Optional<Path> plugins;

    CheckerRegistry registry() {
        try {
            ClassLoader base = Main.class.getClassLoader();
            ClassLoader loader = plugins.isPresent() ? CheckerRegistry.withPlugins(plugins.get(), base) : base;
            return CheckerRegistry.load(loader, plugins);
        } catch (CheckerRegistry.RegistryException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
