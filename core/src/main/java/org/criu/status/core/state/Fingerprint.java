package org.criu.status.core.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Status;

/**
 * Digests of a finding and its evidence: equal when the finding says the same on the same evidence (source, URL,
 * date, signal, words, quote, component, qualifier), whatever day the run was; different as soon as one changes.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** The finding in short: "suggested dropped", "suggested ready (experimental)", "confirmed", "unverified". */
    public static String said(Finding f) {
        return switch (f.verdict()) {
            case SUGGESTED -> "suggested " + f.suggestedStatus().map(Status::wikiText).orElse("")
                    + f.qualifier().map(q -> " (" + q + ")").orElse("");
            case CONFIRMED -> "confirmed " + f.integration().wikiStatus();
            case UNVERIFIED -> "unverified";
            case NO_CHECKER -> "no checker";
        };
    }

    /** The digest of a finding: what it says and every piece of evidence, in order. */
    public static String of(Finding f) {
        StringBuilder all = new StringBuilder(said(f)).append('\n');
        f.error().ifPresent(e -> all.append("error ").append(e).append('\n'));
        for (Evidence e : f.evidence()) {
            all.append(of(e)).append('\n');
        }
        return "sha256:" + sha256(all.toString());
    }

    /** The digest of one piece of evidence. */
    public static String of(Evidence e) {
        return sha256(String.join("\u0000", List.of(e.signal().name(), e.source(), e.url(),
                e.date().map(Object::toString).orElse(""), e.quote(), e.excerpt().orElse(""),
                e.component().orElse(""), e.qualifier().orElse(""))));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
