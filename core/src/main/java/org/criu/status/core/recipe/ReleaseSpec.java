package org.criu.status.core.recipe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Objects;

/**
 * How a recipe finds a repository's newest release: the tags whose whole name matches {@code tags}, ordered by
 * the version they name ({@link org.criu.status.core.source.Versions}). {@code from: feed} (the default) reads
 * GitHub's {@code tags.atom}, which carries dates and costs none of the REST API's hourly budget; {@code from: api}
 * reads the tags API and dates the newest tag by its commit (two API requests), for repositories whose feed does
 * not reach back to their newest release.
 *
 * <p>Written {@code release: 'v\d+\.\d+\.\d+'} or {@code release: {tags: ..., from: api}}.
 */
public record ReleaseSpec(Regex tags, From from) {

    /** Where the tags are read. */
    public enum From {
        FEED, API;

        @JsonCreator
        static From of(String name) {
            for (From f : values()) {
                if (f.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("'from: " + name + "': tags come from 'feed' (tags.atom) or 'api'");
        }
    }

    public ReleaseSpec {
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(from, "from");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ReleaseSpec of(String tags) {
        return new ReleaseSpec(Regex.of(tags), From.FEED);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static ReleaseSpec of(@JsonProperty("tags") Regex tags, @JsonProperty("from") From from) {
        if (tags == null) {
            throw new IllegalArgumentException("'tags' is missing: the pattern a release tag's whole name matches");
        }
        return new ReleaseSpec(tags, from == null ? From.FEED : from);
    }
}
