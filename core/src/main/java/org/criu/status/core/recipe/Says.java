package org.criu.status.core.recipe;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A probe's own wording of its two outcomes ({@code says: {found: ..., missing: ...}}), with placeholders such as
 * {@code {repo}}, {@code {release}}, {@code {path}}; either may be left out for the probe's default wording.
 */
record Says(@JsonProperty("found") String found, @JsonProperty("missing") String missing) {
    static final Says DEFAULT = new Says(null, null);
}
