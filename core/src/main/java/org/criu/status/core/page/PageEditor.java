package org.criu.status.core.page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Report;
import org.criu.status.core.model.Status;

/**
 * Applies accepted changes to the page's wikitext the way an editor would, and touches nothing else: the status
 * text is replaced where the parser found it ({@link Integration#statusStart()}..{@link Integration#statusEnd()}),
 * a qualifier becomes a short note line under the status citing its source as an external link, and a missing
 * entry is added in its section in the page's own layout (heading level, status line form, line endings). Every
 * other byte stays; with no change the output is the input. Text from sources is neutralised ({@link Wikitext}).
 *
 * <p>The page is parsed again here, so changes from a saved report apply to the page as it is now: a change whose
 * entry is gone, or whose status on the page is no longer the one the report saw, is skipped with the reason.
 */
public final class PageEditor {

    private static final Pattern LIST_MARKS = Pattern.compile("^[*#:]+");
    private static final Pattern STATUS_CLOSE = Pattern.compile("^(?:\\s*(?:'{2,5}|\\}\\}))*");

    private PageEditor() {
    }

    /** The report's suggestions that {@code selection} accepts, applied to the page the report read. */
    public static Edit apply(Report report, Selection selection) throws PageParseException {
        return apply(report.page().wikitext(), report.page().source(), Changes.of(report, selection));
    }

    /**
     * Applies {@code changes} to {@code wikitext}; {@code pageName} names the page in errors.
     *
     * @throws PageParseException when the page has no entry the parser recognises
     */
    public static Edit apply(String wikitext, String pageName, Changes changes) throws PageParseException {
        if (changes.isEmpty()) {
            return new Edit(wikitext, wikitext, List.of(), List.of());
        }
        if (wikitext.indexOf('\n') < 0 && wikitext.indexOf('\r') >= 0) {
            // CR-only line ends (the parser reads them as line ends too): edit the page with LF ends and give it
            // back with CR ones. With no LF in the page the mapping is one to one, so every other byte stays.
            Edit lf = apply(wikitext.replace('\r', '\n'), pageName, changes);
            return new Edit(wikitext, lf.after().replace('\n', '\r'), lf.applied(), lf.skipped());
        }
        Page page = new Page(wikitext, WikitextParser.parse(wikitext, pageName));
        List<Splice> splices = new ArrayList<>();
        List<Edit.Applied> applied = new ArrayList<>();
        List<Edit.Skipped> skipped = new ArrayList<>();
        List<Placed> placed = new ArrayList<>();
        for (StatusChange change : changes.statusChanges()) {
            Optional<Entry> entry = page.entry(change.heading());
            if (entry.isEmpty()) {
                skipped.add(new Edit.Skipped(change.heading(), "no entry with this heading on the page"));
                continue;
            }
            Integration now = entry.get().integration();
            if (!sameStatus(now.rawStatus(), change.from())) {
                skipped.add(new Edit.Skipped(change.heading(), "the page now says '" + now.rawStatus()
                        + "', the report saw '" + change.from() + "'"));
                continue;
            }
            if (!change.changesStatus() && change.qualifier().isEmpty()) {
                continue;
            }
            page.statusEdit(entry.get(), change, splices);
            placed.add(new Placed(now.statusStart() >= 0 ? now.statusStart() : entry.get().heading().start,
                    new Edit.Applied(change.heading(), change.describe(), change.source())));
        }
        placed.sort(Comparator.comparingInt(Placed::offset));
        placed.forEach(p -> applied.add(p.applied()));
        for (NewEntry entry : changes.newEntries()) {
            if (page.entry(entry.heading()).isPresent()) {
                skipped.add(new Edit.Skipped(entry.heading(), "the page has an entry with this heading by now"));
                continue;
            }
            page.addEntry(entry, splices);
            applied.add(new Edit.Applied(entry.heading(), entry.describe(), entry.sources().get(0)));
        }
        return new Edit(wikitext, splice(wikitext, splices), applied, skipped);
    }

    private static boolean sameStatus(String onPage, String seen) {
        if (onPage.strip().equalsIgnoreCase(seen.strip())) {
            return true;
        }
        Optional<Status> a = Status.fromWikiText(onPage);
        return a.isPresent() && a.equals(Status.fromWikiText(seen));
    }

    /** Applies insertions and replacements at offsets of the original text; equal offsets keep their order. */
    private static String splice(String text, List<Splice> splices) {
        List<Splice> ordered = new ArrayList<>(splices);
        for (int i = 0; i < ordered.size(); i++) {
            ordered.set(i, ordered.get(i).withOrder(i));
        }
        ordered.sort(Comparator.comparingInt(Splice::start).thenComparingInt(Splice::order));
        StringBuilder out = new StringBuilder(text.length() + 256);
        int at = 0;
        for (Splice s : ordered) {
            if (s.start() < at) {
                throw new IllegalStateException("overlapping edits at offset " + s.start());
            }
            out.append(text, at, s.start()).append(s.text());
            at = s.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    private record Splice(int start, int end, String text, int order) {
        Splice(int start, int end, String text) {
            this(start, end, text, 0);
        }

        Splice withOrder(int order) {
            return new Splice(start, end, text, order);
        }
    }

    private record Placed(int offset, Edit.Applied applied) {
    }

    private record Heading(int level, String text, int start, int end, int next) {
    }

    private record Entry(Integration integration, Heading heading) {
    }

    /** The page as lines and headings, with the layout new text must follow. */
    static final class Page {
        final String text;
        final String eol;
        final List<Heading> headings = new ArrayList<>();
        final List<Entry> entries = new ArrayList<>();

        Page(String text, List<Integration> integrations) {
            this.text = text;
            this.eol = text.contains("\r\n") ? "\r\n" : "\n";
            int start = 0;
            while (start < text.length()) {
                int nl = text.indexOf('\n', start);
                int next = nl < 0 ? text.length() : nl + 1;
                int end = nl < 0 ? text.length() : (nl > start && text.charAt(nl - 1) == '\r' ? nl - 1 : nl);
                // The parser's own reading of a heading (linear time: the page is input anyone can edit), so
                // that an entry it found is always found here.
                Optional<WikitextParser.Heading> h = WikitextParser.heading(text.substring(start, end));
                if (h.isPresent()) {
                    headings.add(new Heading(h.get().level(), WikitextParser.clean(h.get().title()), start, end,
                            next));
                }
                start = next;
            }
            int from = 0;
            for (Integration integration : integrations) {
                for (int i = from; i < headings.size(); i++) {
                    if (headings.get(i).text().equals(integration.heading())) {
                        entries.add(new Entry(integration, headings.get(i)));
                        from = i + 1;
                        break;
                    }
                }
            }
        }

        Optional<Entry> entry(String heading) {
            String wanted = Wikitext.oneLine(heading);
            return entries.stream().filter(e -> e.integration().heading().equals(wanted)).findFirst()
                    .or(() -> entries.stream().filter(e -> e.integration().heading().equalsIgnoreCase(wanted))
                            .findFirst());
        }

        void statusEdit(Entry entry, StatusChange change, List<Splice> splices) {
            Integration now = entry.integration();
            if (now.statusStart() < 0) {
                // No status line yet: one in the page's form right under the heading, the note under it.
                StringBuilder add = new StringBuilder(statusLine(change.to())).append(eol);
                change.qualifier().ifPresent(q -> add.append(noteLine("", q, change.qualifierSource())).append(eol));
                int at = entry.heading().next();
                String lead = at == entry.heading().end() ? eol : "";
                splices.add(new Splice(at, at, lead + add));
                return;
            }
            if (change.changesStatus()) {
                splices.add(new Splice(now.statusStart(), now.statusEnd(), change.to().wikiText()));
            }
            change.qualifier().ifPresent(q -> {
                int lineStart = text.lastIndexOf('\n', now.statusStart()) + 1;
                int lineEnd = lineEnd(now.statusEnd());
                Matcher marks = LIST_MARKS.matcher(text.substring(lineStart, lineEnd));
                String prefix = marks.find() ? marks.group() : "";
                splices.add(new Splice(lineEnd, lineEnd, eol + noteLine(prefix, q, change.qualifierSource())));
            });
        }

        void addEntry(NewEntry entry, List<Splice> splices) {
            int entryLevel = entries.isEmpty() ? 3 : entries.get(0).heading().level();
            Optional<Integer> sectionLevel = entries.stream().filter(e -> e.integration().section().isPresent())
                    .findFirst().flatMap(e -> sectionOf(e).map(Heading::level));
            StringBuilder block = new StringBuilder();
            String equals = "=".repeat(entryLevel);
            block.append(equals).append(' ').append(Wikitext.neutral(entry.heading())).append(' ').append(equals)
                    .append(eol).append(statusLine(entry.status())).append(eol);
            entry.qualifier().ifPresent(q -> block.append(noteLine("", q, entry.sources().get(0))).append(eol));
            block.append(eol).append(noteSentence(entry)).append(eol);

            Optional<Heading> section = entry.section().flatMap(name -> headings.stream()
                    .filter(h -> h.level() < entryLevel && h.text().equalsIgnoreCase(Wikitext.oneLine(name)))
                    .findFirst());
            if (section.isPresent()) {
                int end = sectionEnd(section.get());
                splices.add(new Splice(end, end, lead(end) + eol + block));
                return;
            }
            int end = contentEnd();
            StringBuilder add = new StringBuilder(lead(end)).append(eol);
            if (entry.section().isPresent() && sectionLevel.isPresent()) {
                String s = "=".repeat(sectionLevel.get());
                add.append(s).append(' ').append(Wikitext.neutral(entry.section().get())).append(' ').append(s)
                        .append(eol).append(eol);
            }
            splices.add(new Splice(end, end, add.append(block).toString()));
        }

        /** A line break first when the text before {@code offset} does not end a line. */
        private String lead(int offset) {
            return offset == 0 || text.charAt(offset - 1) == '\n' ? "" : eol;
        }

        private Optional<Heading> sectionOf(Entry entry) {
            Heading h = entry.heading();
            Heading found = null;
            for (Heading candidate : headings) {
                if (candidate.start() >= h.start()) {
                    break;
                }
                if (candidate.level() < h.level()) {
                    found = candidate;
                }
            }
            return Optional.ofNullable(found);
        }

        /** Just past the last non-blank line of the section (before the next heading at its level or above). */
        private int sectionEnd(Heading section) {
            int limit = headings.stream().filter(h -> h.start() > section.start() && h.level() <= section.level())
                    .mapToInt(Heading::start).findFirst().orElse(contentEnd());
            return afterLastNonBlankLine(section.next(), limit);
        }

        /** Just past the last line that is not blank, a category link, a behaviour switch or a lone template. */
        private int contentEnd() {
            int end = text.length();
            while (end > 0) {
                int lineStart = text.lastIndexOf('\n', end - 2) + 1;
                if (end - 1 < lineStart) {
                    break;
                }
                String line = text.substring(lineStart, end);
                if (!isPageTail(line) || WikitextParser.heading(line.strip()).isPresent()) {
                    break;
                }
                end = lineStart;
            }
            return afterLastNonBlankLine(0, end);
        }

        /**
         * Whether {@code line} holds only blanks, category links ({@code [[Category:X]]}), behaviour switches
         * ({@code __NOTOC__}) and templates without nested braces ({@code {{Stub}}}): what ends a page after its
         * last entry. One pass, each character looked at a bounded number of times.
         */
        static boolean isPageTail(String line) {
            int n = line.length();
            int i = 0;
            while (true) {
                while (i < n && isBlank(line.charAt(i))) {
                    i++;
                }
                if (i == n) {
                    return true;
                }
                if (line.startsWith("[[", i)) {
                    int j = i + 2;
                    while (j < n && isBlank(line.charAt(j))) {
                        j++;
                    }
                    if (j >= n || (line.charAt(j) != 'C' && line.charAt(j) != 'c')
                            || !line.regionMatches(j + 1, "ategory", 0, 7)) {
                        return false;
                    }
                    j += 8;
                    while (j < n && isBlank(line.charAt(j))) {
                        j++;
                    }
                    if (j == n || line.charAt(j) != ':') {
                        return false;
                    }
                    int close = line.indexOf(']', j);
                    if (close < 0 || !line.startsWith("]]", close)) {
                        return false;
                    }
                    i = close + 2;
                } else if (line.startsWith("__", i)) {
                    int j = i + 2;
                    while (j < n && line.charAt(j) >= 'A' && line.charAt(j) <= 'Z') {
                        j++;
                    }
                    if (j == i + 2 || !line.startsWith("__", j)) {
                        return false;
                    }
                    i = j + 2;
                } else if (line.startsWith("{{", i)) {
                    int j = i + 2;
                    while (j < n && line.charAt(j) != '{' && line.charAt(j) != '}') {
                        j++;
                    }
                    if (!line.startsWith("}}", j)) {
                        return false;
                    }
                    i = j + 2;
                } else {
                    return false;
                }
            }
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
        }

        private int afterLastNonBlankLine(int from, int limit) {
            int at = limit;
            while (at > from) {
                int lineStart = text.lastIndexOf('\n', at - 2) + 1;
                lineStart = Math.max(lineStart, from);
                if (!text.substring(lineStart, at).isBlank()) {
                    return at;
                }
                at = lineStart;
            }
            return at;
        }

        private int lineEnd(int offset) {
            int nl = text.indexOf('\n', offset);
            if (nl < 0) {
                return text.length();
            }
            return nl > 0 && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
        }

        /** A status line in the form the page's first entry uses ("'''Status:''' ready", "{{Status|ready}}"). */
        private String statusLine(Status status) {
            for (Entry e : entries) {
                Integration i = e.integration();
                if (i.statusStart() >= 0 && i.status().isPresent()) {
                    int lineStart = text.lastIndexOf('\n', i.statusStart()) + 1;
                    String prefix = text.substring(lineStart, i.statusStart());
                    Matcher close = STATUS_CLOSE.matcher(text.substring(i.statusEnd(), lineEnd(i.statusEnd())));
                    return prefix + status.wikiText() + (close.find() ? close.group() : "");
                }
            }
            return "Status: " + status.wikiText();
        }

        private static String noteLine(String listPrefix, String qualifier, Citation source) {
            String prefix = listPrefix.isEmpty() ? "*" : listPrefix;
            return prefix + " Note: " + Wikitext.neutral(qualifier) + " (" + source.wikitext() + ")";
        }

        private static String noteSentence(NewEntry entry) {
            String sentence = Wikitext.oneLine(entry.note());
            // A sentence starts with a capital, unless it starts with a name ("containerd/containerd v2.3.4",
            // "lxd-6.6"), which keeps its own spelling.
            if (sentence.matches("[a-z]+\\s.*")) {
                sentence = sentence.substring(0, 1).toUpperCase(Locale.ROOT) + sentence.substring(1);
            }
            sentence = sentence.replaceFirst("[.\\s]+$", "");
            List<String> links = entry.sources().stream().map(Citation::wikitext).toList();
            return Wikitext.neutral(sentence) + " (" + String.join(", ", links) + ").";
        }
    }
}
