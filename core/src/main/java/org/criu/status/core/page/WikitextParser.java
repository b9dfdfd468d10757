package org.criu.status.core.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Status;

/**
 * Reads the Integration page's wikitext into entries, in page order.
 *
 * <p>An entry is a heading with a status line under it; its section is the nearest shallower heading
 * that is not an entry itself. This one rule covers the current layout ({@code == Section ==} over
 * {@code === Entry ===}) and the 2015 flat layout ({@code == OpenVZ ==} with its status right under it).
 * A {@code ===} (or deeper) heading under a plain section is an entry even without a status line, so an
 * editor's forgotten status is reported rather than the entry lost.
 *
 * <p>Status forms: {@code Status: ready}, {@code '''Status:''' ready}, {@code '''Status: ready'''},
 * {@code {{Status|ready}}}, with a leading {@code *} or {@code :} allowed. The status text runs to the end
 * of the known phrase ("not started" in "Status: not started Adrian suggested that"); an unknown word is
 * kept verbatim up to the next punctuation. Its offsets are kept so edits can replace exactly those characters.
 * An entry with two status lines that disagree keeps the first, and says so ({@link Integration#statusConflict()}).
 *
 * <p>Anyone can edit a wiki page, so the page is hostile input: every line is read by hand-written scanners
 * that look at each character a bounded number of times (no regular expression, which could backtrack for
 * minutes on a line of 4,000 spaces). Lines end at LF, CRLF or a lone CR.
 */
public final class WikitextParser {

    /** Known status phrases, longest first, each as its words ("not started" is "not", "started"). */
    private static final List<List<String>> PHRASES = Status.knownPhrasesLongestFirst().stream()
            .map(WikitextParser::words).toList();

    private WikitextParser() {
    }

    /**
     * Parses {@code wikitext}; {@code pageName} names the page in error messages.
     *
     * @throws PageParseException when no entry can be recognised
     */
    public static List<Integration> parse(String wikitext, String pageName) throws PageParseException {
        return parse(wikitext, pageName, new Work());
    }

    /** Parses, counting in {@code work} every character the scanners look at (tests prove the count linear). */
    static List<Integration> parse(String wikitext, String pageName, Work work) throws PageParseException {
        if (wikitext == null) {
            throw new PageParseException(pageName + ": the page is empty");
        }
        List<Line> lines = readLines(wikitext, work);
        List<Block> blocks = new ArrayList<>();
        Block current = null;
        for (Line line : lines) {
            Optional<Heading> h = heading(line.text(), work);
            if (h.isPresent()) {
                current = new Block(h.get().level(), clean(h.get().title(), work));
                blocks.add(current);
            } else if (current != null) {
                current.body.add(line);
            }
        }
        List<Block> openSections = new ArrayList<>();
        Block openEntry = null;
        List<Integration> result = new ArrayList<>();
        for (Block block : blocks) {
            List<StatusSpot> statuses = findStatuses(block, work);
            Optional<StatusSpot> status = statuses.stream().findFirst();
            if (openEntry != null && block.level > openEntry.level && status.isEmpty()) {
                // A sub-heading inside an entry ("=== Notes ===" in the flat layout): part of that entry.
                openEntry.extra.add(block);
                continue;
            }
            openSections.removeIf(s -> s.level >= block.level);
            boolean entry = status.isPresent() || (block.level >= 3 && !openSections.isEmpty());
            if (!entry || block.heading.isEmpty()) {
                openSections.add(block);
                openEntry = null;
                continue;
            }
            block.status = status;
            block.conflict = conflict(statuses);
            block.section = openSections.isEmpty() ? Optional.empty()
                    : Optional.of(openSections.get(openSections.size() - 1).heading);
            openEntry = block;
        }
        for (Block block : blocks) {
            if (block.section.isPresent() || block.status.isPresent()) {
                result.add(toIntegration(block, work));
            }
        }
        if (result.isEmpty()) {
            throw new PageParseException(pageName + ": no integration entry found (expected headings such as "
                    + "'=== Docker ===' with a 'Status: ready' line under them)");
        }
        return result;
    }

    /** Counts the characters the scanners look at; one parse's worth. */
    static final class Work {
        private long steps;

        void add(long n) {
            steps += n;
        }

        long steps() {
            return steps;
        }
    }

    private static Integration toIntegration(Block block, Work work) {
        List<String> notes = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<Line> body = new ArrayList<>(block.body);
        block.extra.forEach(b -> body.addAll(b.body));
        for (Line line : body) {
            String text = line.text();
            Optional<StatusSpot> spot = block.status.filter(s -> s.line == line);
            if (spot.isPresent()) {
                text = text.substring(spot.get().end - line.offset());
                text = text.substring(closingMarkup(text, work));
            }
            int from = 0;
            for (Link link = internalLink(text, from, work); link != null; link = internalLink(text, from, work)) {
                String target = link.target().strip();
                if (!target.isEmpty() && !target.toLowerCase(Locale.ROOT).startsWith("category:")) {
                    links.add(target);
                }
                from = link.end();
            }
            String note = clean(skipBullets(withoutCategories(text, work), work), work);
            if (!note.isEmpty()) {
                notes.add(note);
            }
        }
        String raw = block.status.map(s -> s.raw).orElse("");
        Optional<Status> status = block.status.flatMap(s -> Status.fromWikiText(s.raw));
        return new Integration(block.heading, block.section, raw, status, notes, links,
                block.status.map(s -> s.start).orElse(-1), block.status.map(s -> s.end).orElse(-1), block.conflict);
    }

    /** "two status lines disagree: 'ready' (line 12) and 'stalled' (line 14)" when they do. */
    private static Optional<String> conflict(List<StatusSpot> statuses) {
        if (statuses.isEmpty()) {
            return Optional.empty();
        }
        StatusSpot first = statuses.get(0);
        for (StatusSpot other : statuses.subList(1, statuses.size())) {
            if (!meaning(other).equals(meaning(first))) {
                return Optional.of("two status lines disagree: '" + first.raw + "' (line " + first.line.number()
                        + ") and '" + other.raw + "' (line " + other.line.number() + ")");
            }
        }
        return Optional.empty();
    }

    /** What a status line says: the normalised status, or its words when they are no known status. */
    private static String meaning(StatusSpot spot) {
        return Status.fromWikiText(spot.raw).map(Status::wikiText)
                .orElse(spot.raw.strip().toLowerCase(Locale.ROOT));
    }

    /** Every status line of the block, in page order. */
    private static List<StatusSpot> findStatuses(Block block, Work work) {
        List<StatusSpot> found = new ArrayList<>();
        for (Line line : block.body) {
            int afterLabel = statusLabelEnd(line.text(), work);
            if (afterLabel < 0) {
                continue;
            }
            String text = line.text();
            int pos = skipMarkup(text, afterLabel, work);
            String rest = text.substring(pos);
            String lower = rest.toLowerCase(Locale.ROOT);
            int length = -1;
            for (List<String> phrase : PHRASES) {
                int matched = matchPhrase(lower, phrase, work);
                if (matched > 0) {
                    length = matched;
                    break;
                }
            }
            if (length < 0) {
                length = statusWordLength(rest, work);
            }
            String raw = rest.substring(0, length);
            found.add(new StatusSpot(line, raw, line.offset() + pos, line.offset() + pos + length));
        }
        return found;
    }

    /**
     * Where the status label ends ({@code Status:}, {@code '''Status:'''}, {@code {{Status|}}), or -1 when the
     * line is no status line. The label may follow list markers ({@code * : #}), blanks and bold quotes.
     */
    static int statusLabelEnd(String text, Work work) {
        int i = 0;
        int n = text.length();
        while (i < n && (isSpace(text.charAt(i)) || "*:#".indexOf(text.charAt(i)) >= 0)) {
            i++;
        }
        work.add(i + 1);
        i = skipEmphasis(text, i, work);
        if (i < 0) {
            return -1;
        }
        i = skipSpaces(text, i, work);
        if (text.startsWith("{{", i)) {
            i = skipSpaces(text, i + 2, work);
            if (!isStatusWord(text, i)) {
                return -1;
            }
            i = skipSpaces(text, i + 6, work);
            return i < n && text.charAt(i) == '|' ? i + 1 : -1;
        }
        if (!isStatusWord(text, i)) {
            return -1;
        }
        i = skipSpaces(text, i + 6, work);
        i = skipEmphasis(text, i, work);
        if (i < 0) {
            return -1;
        }
        i = skipSpaces(text, i, work);
        return i < n && text.charAt(i) == ':' ? i + 1 : -1;
    }

    /** "Status" or "status" at {@code i}. */
    private static boolean isStatusWord(String text, int i) {
        return i < text.length() && (text.charAt(i) == 'S' || text.charAt(i) == 's')
                && text.startsWith("tatus", i + 1);
    }

    /**
     * Skips a run of 2 to 5 quotes (bold, italic) at {@code i}; a lone quote or a longer run is no emphasis the
     * label allows, and gives -1.
     */
    private static int skipEmphasis(String text, int i, Work work) {
        int end = i;
        while (end < text.length() && text.charAt(end) == '\'') {
            end++;
        }
        work.add(end - i + 1);
        int run = end - i;
        return run == 0 || (run >= 2 && run <= 5) ? end : -1;
    }

    /** Length of {@code phrase} at the start of {@code text} (whitespace-flexible, ending at a word boundary), or -1. */
    private static int matchPhrase(String text, List<String> words, Work work) {
        int pos = 0;
        for (int w = 0; w < words.size(); w++) {
            if (w > 0) {
                int spaces = pos;
                while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t'
                        || text.charAt(pos) == '_' || text.charAt(pos) == '-')) {
                    pos++;
                }
                work.add(pos - spaces + 1);
                if (pos == spaces) {
                    return -1;
                }
            }
            String word = words.get(w);
            work.add(word.length());
            if (!text.startsWith(word, pos)) {
                return -1;
            }
            pos += word.length();
        }
        if (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
            return -1;
        }
        return pos;
    }

    private static List<String> words(String phrase) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int space = phrase.indexOf(' '); space >= 0; space = phrase.indexOf(' ', start)) {
            words.add(phrase.substring(start, space));
            start = space + 1;
        }
        words.add(phrase.substring(start));
        return List.copyOf(words);
    }

    /** An unknown status word runs to the first punctuation or markup, without trailing blanks. */
    private static int statusWordLength(String rest, Work work) {
        int end = 0;
        while (end < rest.length() && "'<>{}|[].,;:()\n".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        work.add(end + 1);
        while (end > 0 && isSpace(rest.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static int skipMarkup(String text, int pos, Work work) {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\'') {
                pos++;
            } else if (c == '<') {
                int close = text.indexOf('>', pos);
                if (close < 0) {
                    work.add(text.length() - pos);
                    break;
                }
                pos = close + 1;
            } else {
                break;
            }
        }
        work.add(pos - start + 1);
        return pos;
    }

    /** After the status text: blanks, then the bold quotes or template braces that close the status line. */
    private static int closingMarkup(String text, Work work) {
        int i = skipSpaces(text, 0, work);
        int quotes = i;
        while (quotes < text.length() && quotes - i < 5 && text.charAt(quotes) == '\'') {
            quotes++;
        }
        work.add(quotes - i + 1);
        if (quotes - i >= 2) {
            return quotes;
        }
        return text.startsWith("}}", i) ? i + 2 : i;
    }

    /** The text without list markers and blanks at its start. */
    private static String skipBullets(String text, Work work) {
        int i = 0;
        while (i < text.length() && (isSpace(text.charAt(i)) || "*#:;".indexOf(text.charAt(i)) >= 0)) {
            i++;
        }
        work.add(i + 1);
        return text.substring(i);
    }

    /** A heading line: its level (2 to 6) and title, as MediaWiki reads {@code == Title ==}. */
    record Heading(int level, String title) {
    }

    /** The heading on {@code line} (no line end), if it is one, read as the parser reads it, in linear time. */
    static Optional<Heading> heading(String line) {
        return heading(line, new Work());
    }

    /**
     * The heading on a line, if it is one. The level is the shorter of the opening and closing runs of
     * {@code =} (at most 6); extra {@code =} on the longer side belong to the title, as MediaWiki has it.
     */
    static Optional<Heading> heading(String line, Work work) {
        int end = line.length();
        while (end > 0 && isSpace(line.charAt(end - 1))) {
            end--;
        }
        int lead = 0;
        while (lead < end && line.charAt(lead) == '=') {
            lead++;
        }
        work.add(line.length() - end + lead + 1);
        if (lead < 2) {
            return Optional.empty();
        }
        if (lead == end) {
            // Only "=": the runs share the characters; "====" is an empty level-2 heading.
            int level = Math.min(end / 2, 6);
            return level < 2 ? Optional.empty() : Optional.of(new Heading(level, "=".repeat(end - 2 * level)));
        }
        int trail = 0;
        while (trail < end && line.charAt(end - 1 - trail) == '=') {
            trail++;
        }
        work.add(trail + 1);
        int level = Math.min(6, Math.min(lead, trail));
        if (level < 2) {
            return Optional.empty();
        }
        int from = skipSpaces(line, level, work);
        int to = end - level;
        while (to > from && isSpace(line.charAt(to - 1))) {
            to--;
        }
        work.add(end - level - to + 1);
        return Optional.of(new Heading(level, line.substring(from, Math.max(from, to))));
    }

    /** An internal link {@code [[Target#fragment|label]]}: target and label (null when none), and where it ends. */
    private record Link(String target, String label, int start, int end) {
    }

    /**
     * The first internal link at or after {@code from}, or null. Nothing inside the brackets may be {@code ]},
     * so a link ends at the first {@code ]} after its {@code [[}, and a candidate that fails there rules out
     * every candidate before that {@code ]}: the scan never looks at a character twice.
     */
    private static Link internalLink(String text, int from, Work work) {
        int i = text.indexOf("[[", from);
        work.add((i < 0 ? text.length() : i) - from + 1);
        int close = -1;
        while (i >= 0) {
            if (close < i + 2) {
                // The first "]" after this "[[" is also the first after every candidate up to it: look once.
                close = text.indexOf(']', i + 2);
                work.add((close < 0 ? text.length() : close) - i + 1);
                if (close < 0) {
                    return null;
                }
            }
            if (close + 1 < text.length() && text.charAt(close + 1) == ']') {
                Link link = parseLink(text, i, close, work);
                if (link != null) {
                    return link;
                }
                // An empty target ("[[|x]]"): a later "[[" before this "]]" may still be a link.
                int next = text.indexOf("[[", i + 1);
                work.add((next < 0 ? text.length() : next) - i);
                i = next;
            } else {
                int next = text.indexOf("[[", close);
                work.add((next < 0 ? text.length() : next) - close + 1);
                i = next;
            }
        }
        return null;
    }

    /** Reads {@code [[...]]} from {@code start} to the {@code ]]} at {@code close}; null when the target is empty. */
    private static Link parseLink(String text, int start, int close, Work work) {
        int i = start + 2;
        int targetEnd = i;
        while (targetEnd < close && text.charAt(targetEnd) != '|' && text.charAt(targetEnd) != '#') {
            targetEnd++;
        }
        work.add(targetEnd - i + 1);
        if (targetEnd == i) {
            return null;
        }
        int pos = targetEnd;
        if (pos < close && text.charAt(pos) == '#') {
            while (pos < close && text.charAt(pos) != '|') {
                pos++;
            }
        }
        work.add(close - targetEnd + 1);
        String label = pos < close ? text.substring(pos + 1, close) : null;
        return new Link(text.substring(i, targetEnd), label, start, close + 2);
    }

    /** An external link {@code [https://example.org label]}: URL, label (null when none), and where it ends. */
    private record ExternalLink(String url, String label, int start, int end) {
    }

    /**
     * The first external link at or after {@code from}, or null. The URL is the run of non-blanks after the
     * scheme; blanks and a label up to {@code ]} may follow. Without a label the link ends at the last
     * {@code ]} of the run (a URL may hold {@code ]}). A candidate that fails both ways has no {@code ]} after
     * it, so no later candidate can succeed either: the scan stops, and never looks at a character twice.
     */
    private static ExternalLink externalLink(String text, int from, Work work) {
        int i = text.indexOf('[', from);
        work.add((i < 0 ? text.length() : i) - from + 1);
        while (i >= 0) {
            int scheme = text.startsWith("http://", i + 1) ? 7 : text.startsWith("https://", i + 1) ? 8 : -1;
            work.add(9);
            if (scheme > 0) {
                int urlStart = i + 1;
                int runStart = urlStart + scheme;
                int j = runStart;
                int lastClose = -1;
                while (j < text.length() && !isSpace(text.charAt(j))) {
                    if (text.charAt(j) == ']') {
                        lastClose = j;
                    }
                    j++;
                }
                work.add(j - runStart + 1);
                if (j > runStart && j < text.length()) {
                    int labelStart = skipSpaces(text, j, work);
                    int close = text.indexOf(']', labelStart);
                    work.add((close < 0 ? text.length() : close) - labelStart + 1);
                    if (close >= 0) {
                        return new ExternalLink(text.substring(urlStart, j), text.substring(labelStart, close), i,
                                close + 1);
                    }
                }
                if (lastClose > runStart) {
                    return new ExternalLink(text.substring(urlStart, lastClose), null, i, lastClose + 1);
                }
                if (j > runStart) {
                    return null;
                }
            }
            int next = text.indexOf('[', i + 1);
            work.add((next < 0 ? text.length() : next) - i);
            i = next;
        }
        return null;
    }

    /** The text without {@code [[Category:...]]} links. */
    private static String withoutCategories(String text, Work work) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int i = text.indexOf("[[");
        work.add((i < 0 ? text.length() : i) + 1);
        int close = -1;
        while (i >= 0) {
            if (close < i + 2) {
                close = text.indexOf(']', i + 2);
                work.add((close < 0 ? text.length() : close) - i + 1);
                if (close < 0) {
                    break;
                }
            }
            if (close + 1 < text.length() && text.charAt(close + 1) == ']' && isCategory(text, i + 2, close, work)) {
                out.append(text, copied, i);
                copied = close + 2;
                i = text.indexOf("[[", copied);
                work.add((i < 0 ? text.length() : i) - copied + 1);
            } else {
                int next = text.indexOf("[[", i + 1);
                work.add((next < 0 ? text.length() : next) - i);
                i = next;
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Whether {@code text[from, to)} reads "Category:..." (blanks allowed around the word). */
    private static boolean isCategory(String text, int from, int to, Work work) {
        int i = skipSpaces(text, from, work);
        if (i >= to || !(text.charAt(i) == 'C' || text.charAt(i) == 'c') || !text.startsWith("ategory", i + 1)) {
            return false;
        }
        i = skipSpaces(text, i + 8, work);
        return i < to && text.charAt(i) == ':';
    }

    /** Wiki markup to reading text: links to their labels, bold/italic quotes, tags and template braces removed. */
    static String clean(String text) {
        return clean(text, new Work());
    }

    private static String clean(String text, Work work) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int from = 0;
        for (Link link = internalLink(text, from, work); link != null; link = internalLink(text, from, work)) {
            out.append(text, copied, link.start())
                    .append(link.label() != null && !link.label().isBlank() ? link.label() : link.target());
            copied = link.end();
            from = link.end();
        }
        String pass = out.append(text, copied, text.length()).toString();

        out = new StringBuilder(pass.length());
        copied = 0;
        from = 0;
        for (ExternalLink link = externalLink(pass, from, work); link != null; link = externalLink(pass, from, work)) {
            out.append(pass, copied, link.start()).append(link.label() != null ? link.label() : link.url());
            copied = link.end();
            from = link.end();
        }
        pass = out.append(pass, copied, pass.length()).toString();
        pass = withoutEmphasis(pass, work);
        pass = withoutTags(pass, work);
        pass = withoutTemplateBraces(pass, work);
        return collapseSpaces(pass, work).strip();
    }

    /** Runs of 2 to 5 quotes removed (a run of 7 is 5 and 2; one quote left over stays, an apostrophe). */
    private static String withoutEmphasis(String text, Work work) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '\'') {
                out.append(text.charAt(i++));
                continue;
            }
            int end = i;
            while (end < text.length() && text.charAt(end) == '\'') {
                end++;
            }
            if ((end - i) % 5 == 1) {
                out.append('\'');
            }
            i = end;
        }
        work.add(text.length() + 1);
        return out.toString();
    }

    /** {@code <tag ...>} removed; a {@code <} with no {@code >} after it stays, and so does the rest. */
    private static String withoutTags(String text, Work work) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int open = text.indexOf('<');
        while (open >= 0) {
            int close = text.indexOf('>', open);
            if (close < 0) {
                break;
            }
            out.append(text, copied, open);
            copied = close + 1;
            open = text.indexOf('<', copied);
        }
        work.add(text.length() + 1);
        return out.append(text, copied, text.length()).toString();
    }

    /** {@code {{} and {@code }}} removed, read left to right in pairs. */
    private static String withoutTemplateBraces(String text, Work work) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("{{", i) || text.startsWith("}}", i)) {
                i += 2;
            } else {
                out.append(text.charAt(i++));
            }
        }
        work.add(text.length() + 1);
        return out.toString();
    }

    /** Every run of blanks as one space. */
    private static String collapseSpaces(String text, Work work) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (isSpace(text.charAt(i))) {
                while (i < text.length() && isSpace(text.charAt(i))) {
                    i++;
                }
                out.append(' ');
            } else {
                out.append(text.charAt(i++));
            }
        }
        work.add(text.length() + 1);
        return out.toString();
    }

    private static int skipSpaces(String text, int i, Work work) {
        int start = i;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        work.add(i - start + 1);
        return i;
    }

    /** The blanks a wiki line can hold (what {@code \s} meant here): space, tab, form feed, vertical tab, CR, LF. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u000B' || c == '\r' || c == '\n';
    }

    /** Lines with their offsets in the page; a line ends at LF, CRLF or a lone CR (old Mac files). */
    private static List<Line> readLines(String text, Work work) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(new Line(text.substring(start, i), start, number++));
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        lines.add(new Line(text.substring(start), start, number));
        work.add(text.length() + 1);
        return lines;
    }

    private record Line(String text, int offset, int number) {
    }

    private record StatusSpot(Line line, String raw, int start, int end) {
    }

    private static final class Block {
        final int level;
        final String heading;
        final List<Line> body = new ArrayList<>();
        final List<Block> extra = new ArrayList<>();
        Optional<StatusSpot> status = Optional.empty();
        Optional<String> conflict = Optional.empty();
        Optional<String> section = Optional.empty();

        Block(int level, String heading) {
            this.level = level;
            this.heading = heading;
        }
    }
}
