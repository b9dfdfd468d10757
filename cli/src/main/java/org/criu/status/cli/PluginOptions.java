package org.criu.status.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.criu.status.core.engine.CheckerRegistry;
import picocli.CommandLine.Option;

/** {@code --plugins DIR}: extra checker jars. */
final class PluginOptions {

    @Option(names = "--plugins", paramLabel = "DIR", description = "Also load checker jars from DIR.")
    Optional<Path> plugins;

    CheckerRegistry registry() {
        try {
            ClassLoader base = Main.class.getClassLoader();
            ClassLoader loader = plugins.isPresent() ? CheckerRegistry.withPlugins(plugins.get(), base) : base;
            return CheckerRegistry.load(loader);
        } catch (CheckerRegistry.RegistryException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
