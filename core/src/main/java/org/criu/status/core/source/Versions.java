package org.criu.status.core.source;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Orders the release tags upstreams use ({@code FILE5_48}, {@code slurm-20-02-0-1}, {@code v5.0.10},
 * {@code lxd-6.6}, {@code v3.18.2.3}, {@code 9.0.0}): the tag is reduced to its version ({@link #version})
 * and ordered by Maven's {@link ComparableVersion}, which compares numbers as numbers and puts qualifiers
 * such as {@code rc1} before the release.
 */
public final class Versions {

    /** A project-name prefix before the first digit: "FILE", "v", "lxd-", "slurm-", "release_". */
    private static final Pattern PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9]*?[-_]?(?=\\d)");
    /** Separators between two numbers that mean "." in tag schemes ("5_23", "20-02-0-1"). */
    private static final Pattern NUMBER_SEPARATOR = Pattern.compile("(?<=\\d)[-_](?=\\d)");
    private static final Pattern STARTS_WITH_DIGIT = Pattern.compile("^\\d");

    private static final Comparator<String> ORDER = Versions::compare;

    private Versions() {
    }

    /**
     * The version a tag names, empty when it names none (no digit after an optional prefix): "FILE5_23" is
     * "5.23", "slurm-20-02-0-1" is "20.02.0.1", "v5.0.10" is "5.0.10", "lxd-5.21.7" is "5.21.7".
     */
    public static Optional<String> version(String tag) {
        String s = tag.strip();
        Matcher prefix = PREFIX.matcher(s);
        if (prefix.find()) {
            s = s.substring(prefix.end());
        }
        if (!STARTS_WITH_DIGIT.matcher(s).find()) {
            return Optional.empty();
        }
        return Optional.of(NUMBER_SEPARATOR.matcher(s).replaceAll("."));
    }

    /**
     * Compares two tags by the versions they name; a tag naming no version sorts before every versioned one
     * (and such tags among themselves by name), so "newest" never lands on a branch-like tag.
     */
    public static int compare(String a, String b) {
        Optional<String> va = version(a);
        Optional<String> vb = version(b);
        if (va.isEmpty() || vb.isEmpty()) {
            if (va.isPresent()) {
                return 1;
            }
            if (vb.isPresent()) {
                return -1;
            }
            return a.compareTo(b);
        }
        return new ComparableVersion(va.get().toLowerCase(Locale.ROOT))
                .compareTo(new ComparableVersion(vb.get().toLowerCase(Locale.ROOT)));
    }

    /** Oldest first; {@code order().reversed()} gives newest first. */
    public static Comparator<String> order() {
        return ORDER;
    }

    /** Whether {@code a} names a newer version than {@code b}. */
    public static boolean isNewer(String a, String b) {
        return compare(a, b) > 0;
    }

    /**
     * The releases among {@code items}, newest first: those whose whole name matches {@code shape}, ordered by
     * {@link #compare}; equal versions keep their order. The shape is a checker's idea of a release, so what
     * it is not ("bash-5.3-rc2", "next-3.8", Weston's x.y.9x pre-releases) never becomes the newest.
     */
    public static <T> List<T> newestFirst(Collection<T> items, Function<? super T, String> name, Pattern shape) {
        Comparator<T> oldestFirst = Comparator.comparing(name, ORDER);
        return items.stream().filter(item -> shape.matcher(name.apply(item)).matches())
                .sorted(oldestFirst.reversed())
                .toList();
    }
}
