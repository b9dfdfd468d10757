package org.criu.status.core.model;

import java.util.Locale;

/** How sure a verdict is; see docs/VERDICTS.md for what earns each level. */
public enum Confidence {
    LOW, MEDIUM, HIGH;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One level up, capped at HIGH. */
    public Confidence raised() {
        return this == LOW ? MEDIUM : HIGH;
    }

    public Confidence lowerOf(Confidence other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
