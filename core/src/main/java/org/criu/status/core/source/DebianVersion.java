package org.criu.status.core.source;

import java.util.Objects;

/**
 * A Debian package version ({@code [epoch:]upstream[-revision]}, e.g. {@code 1:5.44-3}) ordered exactly as
 * dpkg orders it: epoch first, then upstream, then revision, each compared by dpkg's {@code verrevcmp}
 * (letters before other characters, {@code ~} before everything including the end, digit runs as numbers).
 * Written out because no Java library implements dpkg's order; it is small and tested against dpkg's cases.
 * {@code compareTo} is dpkg's equality ("1.0" equals "1.0-0"); {@code equals} stays textual, per component.
 *
 * @param epoch    the number before {@code :}, 0 when absent
 * @param upstream the part between the epoch and the last {@code -}
 * @param revision the part after the last {@code -}, empty when absent (dpkg treats that like "0")
 */
public record DebianVersion(long epoch, String upstream, String revision) implements Comparable<DebianVersion> {

    public DebianVersion {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(revision, "revision");
    }

    /**
     * Parses a version as written in a package's {@code Version:} field.
     *
     * @throws IllegalArgumentException when the epoch is not a number or the upstream part is empty
     */
    public static DebianVersion parse(String version) {
        String s = version.strip();
        long epoch = 0;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            String e = s.substring(0, colon);
            if (e.isEmpty() || !e.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("Debian version '" + version + "': epoch '" + e + "' is not a number");
            }
            epoch = Long.parseLong(e);
            s = s.substring(colon + 1);
        }
        String revision = "";
        int dash = s.lastIndexOf('-');
        if (dash >= 0) {
            revision = s.substring(dash + 1);
            s = s.substring(0, dash);
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("Debian version '" + version + "' has no upstream version");
        }
        return new DebianVersion(epoch, s, revision);
    }

    /** Compares two version strings in dpkg's order. */
    public static int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    @Override
    public int compareTo(DebianVersion other) {
        int byEpoch = Long.compare(epoch, other.epoch);
        if (byEpoch != 0) {
            return byEpoch;
        }
        int byUpstream = verrevcmp(upstream, other.upstream);
        if (byUpstream != 0) {
            return byUpstream;
        }
        return verrevcmp(revision, other.revision);
    }

    @Override
    public String toString() {
        return (epoch > 0 ? epoch + ":" : "") + upstream + (revision.isEmpty() ? "" : "-" + revision);
    }

    /** dpkg's lib/dpkg/version.c verrevcmp: alternating non-digit and digit runs. */
    private static int verrevcmp(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while ((i < a.length() && !isDigit(a.charAt(i))) || (j < b.length() && !isDigit(b.charAt(j)))) {
                int ac = order(a, i);
                int bc = order(b, j);
                if (ac != bc) {
                    return Integer.signum(ac - bc);
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            while (i < a.length() && isDigit(a.charAt(i)) && j < b.length() && isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return Integer.signum(firstDiff);
            }
        }
        return 0;
    }

    /** dpkg's order(): end and digits 0, '~' lowest, letters by code, anything else after all letters. */
    private static int order(String s, int index) {
        if (index >= s.length()) {
            return 0;
        }
        char c = s.charAt(index);
        if (isDigit(c)) {
            return 0;
        }
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
