package org.criu.status.core.recipe;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.criu.status.core.model.SourceException;

/**
 * One look at one source, as a recipe writes it: {@code - file: {...}}, {@code - release-notes: {...}},
 * {@code - field: {...}}, {@code - search: {...}}, {@code - repository: {...}}, {@code - packages: {...}}.
 * Each turns what its source says into evidence with the signals the recipe names; the shared verdict rules
 * decide. docs/RECIPES.md describes every key.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
@JsonSubTypes({
        @JsonSubTypes.Type(value = FileProbe.class, name = "file"),
        @JsonSubTypes.Type(value = ReleaseNotesProbe.class, name = "release-notes"),
        @JsonSubTypes.Type(value = FieldProbe.class, name = "field"),
        @JsonSubTypes.Type(value = SearchProbe.class, name = "search"),
        @JsonSubTypes.Type(value = RepositoryProbe.class, name = "repository"),
        @JsonSubTypes.Type(value = PackagesProbe.class, name = "packages")})
public sealed interface Probe permits FileProbe, ReleaseNotesProbe, FieldProbe, SearchProbe, RepositoryProbe,
        PackagesProbe {

    /** The probe names recipes use, for error messages. */
    String KINDS = "file, release-notes, field, search, repository, packages";

    /** What the probe reads, one line for {@code integration-status checkers}. */
    String describe();

    /** Looks, and says what it found; a failing source throws. */
    ProbeResult run(ProbeRun run) throws SourceException;
}
