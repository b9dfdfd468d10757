package org.criu.status.core.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 */
public final class WikitextParser {

    private static final Pattern HEADING = Pattern.compile("^(={2,6})\\s*(.*?)\\s*\\1\\s*$");
    private static final Pattern STATUS_LINE = Pattern.compile(
            "^[*:#\\s]*(?:'{2,5})?\\s*(?:\\{\\{\\s*[Ss]tatus\\s*\\||[Ss]tatus\\s*(?:'{2,5})?\\s*:)");
    private static final Pattern LINK = Pattern.compile("\\[\\[([^\\]|#]+)(?:#[^\\]|]*)?(?:\\|([^\\]]*))?\\]\\]");
    private static final Pattern EXTERNAL_LINK = Pattern.compile("\\[(https?://\\S+)(?:\\s+([^\\]]*))?\\]");
    private static final Pattern CATEGORY = Pattern.compile("\\[\\[\\s*[Cc]ategory\\s*:[^\\]]*\\]\\]");
    private static final List<String> PHRASES = Status.knownPhrasesLongestFirst();

    private WikitextParser() {
    }

    /**
     * Parses {@code wikitext}; {@code pageName} names the page in error messages.
     *
     * @throws PageParseException when no entry can be recognised
     */
    public static List<Integration> parse(String wikitext, String pageName) throws PageParseException {
        if (wikitext == null) {
            throw new PageParseException(pageName + ": the page is empty");
        }
        List<Line> lines = split(wikitext);
        List<Block> blocks = new ArrayList<>();
        Block current = null;
        for (Line line : lines) {
            Matcher h = HEADING.matcher(line.text());
            if (h.matches()) {
                current = new Block(h.group(1).length(), clean(h.group(2)));
                blocks.add(current);
            } else if (current != null) {
                current.body.add(line);
            }
        }
        List<Block> openSections = new ArrayList<>();
        Block openEntry = null;
        List<Integration> result = new ArrayList<>();
        for (Block block : blocks) {
            Optional<StatusSpot> status = findStatus(block);
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
            block.section = openSections.isEmpty() ? Optional.empty()
                    : Optional.of(openSections.get(openSections.size() - 1).heading);
            openEntry = block;
        }
        for (Block block : blocks) {
            if (block.section.isPresent() || block.status.isPresent()) {
                result.add(toIntegration(block));
            }
        }
        if (result.isEmpty()) {
            throw new PageParseException(pageName + ": no integration entry found (expected headings such as "
                    + "'=== Docker ===' with a 'Status: ready' line under them)");
        }
        return result;
    }

    private static Integration toIntegration(Block block) {
        List<String> notes = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<Line> body = new ArrayList<>(block.body);
        block.extra.forEach(b -> body.addAll(b.body));
        for (Line line : body) {
            String text = line.text();
            Optional<StatusSpot> spot = block.status.filter(s -> s.line == line);
            if (spot.isPresent()) {
                text = text.substring(spot.get().end - line.offset());
                text = text.replaceFirst("^\\s*(?:'{2,5}|\\}\\})?", "");
            }
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1).strip();
                if (!target.isEmpty() && !target.toLowerCase(Locale.ROOT).startsWith("category:")) {
                    links.add(target);
                }
            }
            String note = clean(CATEGORY.matcher(text).replaceAll("").replaceFirst("^[*#:;\\s]+", ""));
            if (!note.isEmpty()) {
                notes.add(note);
            }
        }
        String raw = block.status.map(s -> s.raw).orElse("");
        Optional<Status> status = block.status.flatMap(s -> Status.fromWikiText(s.raw));
        return new Integration(block.heading, block.section, raw, status, notes, links,
                block.status.map(s -> s.start).orElse(-1), block.status.map(s -> s.end).orElse(-1));
    }

    private static Optional<StatusSpot> findStatus(Block block) {
        for (Line line : block.body) {
            Matcher m = STATUS_LINE.matcher(line.text());
            if (!m.find()) {
                continue;
            }
            String text = line.text();
            int pos = skipMarkup(text, m.end());
            String rest = text.substring(pos);
            String lower = rest.toLowerCase(Locale.ROOT);
            int length = -1;
            for (String phrase : PHRASES) {
                int matched = matchPhrase(lower, phrase);
                if (matched > 0) {
                    length = matched;
                    break;
                }
            }
            if (length < 0) {
                Matcher word = Pattern.compile("^[^'<>{}|\\[\\].,;:()\\n]*").matcher(rest);
                length = word.find() ? word.group().stripTrailing().length() : 0;
            }
            String raw = rest.substring(0, length);
            return Optional.of(new StatusSpot(line, raw, line.offset() + pos, line.offset() + pos + length));
        }
        return Optional.empty();
    }

    /** Length of {@code phrase} at the start of {@code text} (whitespace-flexible, ending at a word boundary), or -1. */
    private static int matchPhrase(String text, String phrase) {
        String[] words = phrase.split(" ");
        int pos = 0;
        for (int w = 0; w < words.length; w++) {
            if (w > 0) {
                int spaces = pos;
                while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t'
                        || text.charAt(pos) == '_' || text.charAt(pos) == '-')) {
                    pos++;
                }
                if (pos == spaces) {
                    return -1;
                }
            }
            if (!text.startsWith(words[w], pos)) {
                return -1;
            }
            pos += words[w].length();
        }
        if (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
            return -1;
        }
        return pos;
    }

    private static int skipMarkup(String text, int pos) {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\'') {
                pos++;
            } else if (c == '<') {
                int close = text.indexOf('>', pos);
                if (close < 0) {
                    break;
                }
                pos = close + 1;
            } else {
                break;
            }
        }
        return pos;
    }

    /** Wiki markup to reading text: links to their labels, bold/italic quotes and templates removed. */
    static String clean(String text) {
        String out = LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(2) != null && !m.group(2).isBlank() ? m.group(2) : m.group(1)));
        out = EXTERNAL_LINK.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
                m.group(2) != null ? m.group(2) : m.group(1)));
        out = out.replaceAll("'{2,5}", "").replaceAll("<[^>]*>", "").replaceAll("\\{\\{|\\}\\}", "");
        return out.replaceAll("\\s+", " ").strip();
    }

    private static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            lines.add(new Line(line, start));
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return lines;
    }

    private record Line(String text, int offset) {
    }

    private record StatusSpot(Line line, String raw, int start, int end) {
    }

    private static final class Block {
        final int level;
        final String heading;
        final List<Line> body = new ArrayList<>();
        final List<Block> extra = new ArrayList<>();
        Optional<StatusSpot> status = Optional.empty();
        Optional<String> section = Optional.empty();

        Block(int level, String heading) {
            this.level = level;
            this.heading = heading;
        }
    }
}
