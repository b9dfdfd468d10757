package org.criu.status.core.spi;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides whether a page heading names what a checker covers. Headings drift ("The file utility",
 * "file", "SLURM workload manager", "LXC/LXD", "OpenVZ"), so both sides are reduced to their significant
 * words: case, punctuation, accents and filler words ("the", "utility", "workload manager") are ignored.
 * A heading matches an alias when the alias's words are all among the heading's words, or the reverse.
 */
public final class HeadingMatcher {

    private static final Set<String> FILLER = Set.of("the", "a", "an", "and", "or", "of", "for", "project",
            "utility", "util", "tool", "tools", "workload", "manager", "os", "support", "integration");
    /** Combining marks, left apart from their letters by NFKD: the accents. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    /** What separates words: anything but a letter or digit. */
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{Alnum}]+");

    private HeadingMatcher() {
    }

    /** True when {@code heading} names one of {@code aliases}. */
    public static boolean matches(String heading, List<String> aliases) {
        return matches(significantWords(heading), aliases.stream().map(HeadingMatcher::significantWords).toList());
    }

    /**
     * {@link #matches(String, List)} on words already reduced by {@link #significantWords}: a heading's
     * {@code words} name an alias when one set holds all of the other's.
     */
    public static boolean matches(Set<String> words, List<Set<String>> aliases) {
        if (words.isEmpty()) {
            return false;
        }
        for (Set<String> aliasWords : aliases) {
            if (!aliasWords.isEmpty() && (words.containsAll(aliasWords) || aliasWords.containsAll(words))) {
                return true;
            }
        }
        return false;
    }

    /** The words that identify a heading: lower case, accents and punctuation gone, filler dropped. */
    public static Set<String> significantWords(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        Set<String> all = Arrays.stream(SEPARATORS.split(plain))
                .filter(w -> !w.isEmpty())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        Set<String> significant = all.stream().filter(w -> !FILLER.contains(w))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        // "Subgraph OS" without filler is "subgraph"; "OS" alone keeps its word rather than vanish.
        return significant.isEmpty() ? all : significant;
    }
}
