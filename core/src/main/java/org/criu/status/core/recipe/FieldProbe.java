package org.criu.status.core.recipe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.SourceFile;

/**
 * A structured field of a YAML or JSON file (a KEP's {@code kep.yaml}: {@code stage: beta}): {@code key} is a
 * dotted path to a scalar (list items by index: {@code feature-gates.0.name}), {@code values} maps what it may say to a signal, and {@code context} names other keys
 * worth citing ({@code milestone.beta}). Each is cited at its own line, quoted verbatim. A value the recipe does
 * not map, or a key that is gone, is "could not look": the file changed shape, the recipe needs updating.
 */
public record FieldProbe(String repo, Optional<ReleaseSpec> release, Optional<String> branch, String path, String key,
                         Map<String, SignalSpec> values, List<String> context, Says says) implements Probe {

    private static final Set<String> PLACEHOLDERS = Set.of("repo", "release", "path", "key", "value");
    private static final YAMLFactory YAML = new YAMLFactory();

    public FieldProbe {
        repo = Templates.repo(repo);
        Objects.requireNonNull(release, "release");
        branch = Objects.requireNonNull(branch, "branch").map(String::strip).filter(b -> !b.isEmpty());
        if (release.isPresent() == branch.isPresent()) {
            throw new IllegalArgumentException("say where to read: 'release' (the newest release tag) or 'branch'"
                    + " (its current commit), one of the two");
        }
        path = Templates.require(path, "path");
        key = Templates.require(key, "key");
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("'values' is missing: what each value of '" + key + "' signals"
                    + " (like 'beta: released')");
        }
        values = Map.copyOf(new LinkedHashMap<>(values));
        if (values.values().stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("every value in 'values' needs a signal (" + SignalSpec.names() + ")");
        }
        if (values.values().stream().anyMatch(v -> v.signal() == Signal.REMOVED)) {
            throw new IllegalArgumentException("a field's value proves no removal; cite the note or commit that"
                    + " removed it instead of mapping a value to 'removed'");
        }
        context = context == null ? List.of() : List.copyOf(context);
        says = says == null ? Says.DEFAULT : says;
        Templates.check(says.found(), "says.found", PLACEHOLDERS);
        if (says.missing() != null) {
            throw new IllegalArgumentException("'says.missing': a field probe has no missing outcome (a missing key"
                    + " means the recipe no longer fits the file)");
        }
    }

    @JsonCreator
    static FieldProbe bind(@JsonProperty("repo") String repo, @JsonProperty("release") ReleaseSpec release,
                           @JsonProperty("branch") String branch, @JsonProperty("path") String path,
                           @JsonProperty("key") String key, @JsonProperty("values") Map<String, SignalSpec> values,
                           @JsonProperty("context") List<String> context, @JsonProperty("says") Says says) {
        return new FieldProbe(repo, Optional.ofNullable(release), Optional.ofNullable(branch), path, key, values,
                context, says);
    }

    @Override
    public String describe() {
        return "GitHub " + repo + " " + path + " at " + FileProbe.where(release, branch) + ": field " + key;
    }

    @Override
    public ProbeResult run(ProbeRun run) throws SourceException {
        ProbeRun.FileRead read = run.read(repo, release, branch, path);
        if (read.couldNotLook().isPresent()) {
            return read.couldNotLook().get();
        }
        Ref ref = read.ref();
        SourceFile file = read.file();
        Map<String, Scalar> scalars;
        try {
            scalars = scalars(file.text());
        } catch (IOException e) {
            return ProbeResult.couldNotLook(path + " at " + ref.label() + " is not YAML: " + e.getMessage());
        }
        Scalar value = scalars.get(key);
        if (value == null) {
            return ProbeResult.couldNotLook(path + " at " + ref.label() + " has no scalar '" + key + "'");
        }
        SignalSpec signal = values.get(value.text());
        if (signal == null) {
            return ProbeResult.couldNotLook(path + " at " + ref.label() + " says " + key + ": " + value.text()
                    + ", which the recipe maps to no signal (it maps " + values.keySet().stream().sorted().toList() + ")");
        }
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(signal.qualify(cite(file, ref, key, value, Optional.ofNullable(says.found()), signal.signal())));
        for (String other : context) {
            Scalar v = scalars.get(other);
            if (v != null) {
                evidence.add(cite(file, ref, other, v, Optional.empty(), Signal.CONTEXT));
            }
        }
        return ProbeResult.of(evidence);
    }

    private Evidence cite(SourceFile file, Ref ref, String name, Scalar value, Optional<String> template, Signal signal)
            throws SourceException {
        SourceFile.Line line = file.line(value.line());
        String summary = Templates.fill(template.orElse("{repo} {path} at {release}: {key} is {value}"),
                Map.of("repo", repo, "release", ref.label(), "path", path, "key", name, "value", value.text()));
        return Evidence.of(signal, "github", line.url(), ref.evidenceDate(), summary).quoting(line.stripped());
    }

    /** A scalar of the file and the line it sits on (1-based). */
    record Scalar(String text, int line) {
    }

    /** Every scalar by dotted path ("milestone.beta", "feature-gates.0.name": list items by index). */
    static Map<String, Scalar> scalars(String text) throws IOException {
        Map<String, Scalar> found = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isScalarValue()) {
                    String pointer = parser.getParsingContext().pathAsPointer().toString();
                    String dotted = pointer.substring(1).replace('/', '.').replace("~1", "/").replace("~0", "~");
                    found.putIfAbsent(dotted, new Scalar(parser.getText(), parser.currentTokenLocation().getLineNr()));
                }
            }
        }
        return found;
    }
}
