package org.criu.status.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import org.criu.status.core.http.Http;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.WikiPage;
import org.criu.status.core.source.SourceHttp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parse}: the page as the parser sees it. */
@Command(name = "parse", mixinStandardHelpOptions = true, description = "Show the page's entries as parsed.")
final class ParseCommand implements Callable<Integer> {

    @Mixin
    PageOptions page;

    @Mixin
    RunOptions run;

    @Mixin
    Timeouts.ForThePage timeout;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ListFormat format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write to FILE (atomically, checked before the page is read) instead of stdout.")
    Optional<Path> output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;

    ParseCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        Optional<OutputFile> destination = OutputFile.prepare("--output", output);
        WikiPage wikiPage;
        if (page.file.isPresent()) {
            // A page from a file makes no request: no HTTP client, cache or TLS stack is loaded for it.
            run.validate();
            wikiPage = page.load(null);
        } else {
            OkHttpClient client = run.client(env, spec.commandLine().getErr(), timeout.value());
            try {
                wikiPage = page.load(new SourceHttp(client));
            } finally {
                Http.release(client);
            }
        }
        List<Integration> entries = PageOptions.parse(wikiPage);
        String text = format == ListFormat.json ? json(wikiPage, entries) : text(wikiPage, entries);
        OutputFile.write(destination, text, spec.commandLine().getOut());
        return Main.OK;
    }

    private static String json(WikiPage wikiPage, List<Integration> entries) throws JsonProcessingException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("title", wikiPage.title());
        root.put("source", wikiPage.source());
        wikiPage.revision().ifPresent(r -> root.put("revision", r));
        wikiPage.timestamp().ifPresent(t -> root.put("timestamp", t.toString()));
        ArrayNode list = root.putArray("entries");
        for (Integration i : entries) {
            ObjectNode o = list.addObject();
            o.put("heading", i.heading());
            o.put("section", i.section().orElse(null));
            o.put("rawStatus", i.rawStatus());
            o.put("status", i.status().map(s -> s.wikiText()).orElse(null));
            i.notes().forEach(o.putArray("notes")::add);
            i.links().forEach(o.putArray("links")::add);
        }
        return json.writeValueAsString(root) + System.lineSeparator();
    }

    private static String text(WikiPage wikiPage, List<Integration> entries) {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        out.printf("%s (%s%s): %d entries%n", wikiPage.title(), wikiPage.source(),
                wikiPage.revision().map(r -> ", revision " + r).orElse(""), entries.size());
        for (Integration i : entries) {
            out.printf("%n[%s] %s%n  status: %s%s%n", i.section().orElse("-"), i.heading(),
                    i.rawStatus().isEmpty() ? "(none)" : "'" + i.rawStatus() + "'",
                    i.status().map(s -> " = " + s.wikiText()).orElse(i.rawStatus().isEmpty() ? ""
                            : " (unknown word, kept as written)"));
            for (String note : i.notes()) {
                out.printf("  note:   %s%n", note);
            }
            if (!i.links().isEmpty()) {
                out.printf("  links:  %s%n", String.join(", ", i.links()));
            }
        }
        out.flush();
        return buffer.toString();
    }
}
