package org.criu.status.core.recipe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Signal;

/**
 * What a probe's outcome signals, as a recipe writes it: a signal name ({@code released}), or a signal with the
 * caveat it adds to the status ({@code {signal: released, qualifier: beta}}). The names are {@link Signal}'s in
 * kebab case; the shared verdict rules decide what they mean.
 */
public record SignalSpec(Signal signal, Optional<String> qualifier) {

    public SignalSpec {
        Objects.requireNonNull(signal, "signal");
        qualifier = Objects.requireNonNullElse(qualifier, Optional.<String>empty()).map(String::strip)
                .filter(q -> !q.isEmpty());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SignalSpec of(String name) {
        return new SignalSpec(signal(name), Optional.empty());
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static SignalSpec of(@JsonProperty("signal") String name, @JsonProperty("qualifier") String qualifier) {
        if (name == null) {
            throw new IllegalArgumentException("'signal' is missing (one of " + names() + ")");
        }
        return new SignalSpec(signal(name), Optional.ofNullable(qualifier));
    }

    /** The signal a kebab-case name means ("in-development"). */
    public static Signal signal(String name) {
        if (name == null) {
            throw new IllegalArgumentException("a signal is missing (one of " + names() + ")");
        }
        for (Signal s : Signal.values()) {
            if (name(s).equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is no signal; signals are " + names());
    }

    /** A signal as recipes write it: {@code IN_DEVELOPMENT} is {@code in-development}. */
    public static String name(Signal signal) {
        return signal.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String names() {
        return Arrays.stream(Signal.values()).map(SignalSpec::name).collect(Collectors.joining(", "));
    }

    /** {@code evidence} with this spec's qualifier, if it has one. */
    Evidence qualify(Evidence evidence) {
        return qualifier.map(evidence::withQualifier).orElse(evidence);
    }

    @Override
    public String toString() {
        return name(signal) + qualifier.map(q -> " (" + q + ")").orElse("");
    }
}
