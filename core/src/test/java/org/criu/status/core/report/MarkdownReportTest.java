package org.criu.status.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Report;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    static <T extends Node> List<T> all(Node root, Class<T> type) {
        List<T> found = new ArrayList<>();
        root.accept(new AbstractVisitor() {
            @Override
            protected void visitChildren(Node parent) {
                if (type.isInstance(parent)) {
                    found.add(type.cast(parent));
                }
                super.visitChildren(parent);
            }

            @Override
            public void visit(Text text) {
                if (type.isInstance(text)) {
                    found.add(type.cast(text));
                }
            }
        });
        return found;
    }

    static String textOf(Node node) {
        StringBuilder out = new StringBuilder();
        for (Text t : all(node, Text.class)) {
            out.append(t.getLiteral());
        }
        return out.toString();
    }

    static final String HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) "
            + "*bold* | cell | ![i](http://x/i.png) &amp; `code` - 1. # h";

    static Report report() {
        return TextReportTest.report(List.of(
                Finding.suggested(TextReportTest.entry("Docker", "ready"), "docker", Status.READY,
                        Optional.of("experimental"), Confidence.HIGH, List.of(TextReportTest.RELEASE)),
                Finding.confirmed(TextReportTest.entry("Evil | entry", "ready"), "x", Confidence.LOW, List.of(
                        Evidence.undated(Signal.RELEASED, "web", "javascript:alert(4)", HOSTILE).quoting("- " + HOSTILE))),
                Finding.unverified(TextReportTest.entry("Weston", "stalled"), "weston", "HTTP 503 | retry")));
    }

    @Test
    void theTableIsATableWithOneRowPerEntry() {
        Node doc = PARSER.parse(MarkdownReport.render(new ReportView(report(), Optional.empty())));

        List<TableBlock> tables = all(doc, TableBlock.class);
        assertThat(tables).hasSize(1);
        List<TableRow> rows = all(all(tables.get(0), TableBody.class).get(0), TableRow.class);
        assertThat(rows).hasSize(3);
        List<String> first = all(rows.get(0), TableCell.class).stream().map(MarkdownReportTest::textOf).toList();
        assertThat(first).containsExactly("Docker", "ready", "keep ready, add a note: experimental", "high",
                "docker/cli v29.7.2 cmd.go", "-");
        // Suggestions first, then what to check by hand, then what to keep.
        List<String> evil = all(rows.get(2), TableCell.class).stream().map(MarkdownReportTest::textOf).toList();
        assertThat(evil).hasSize(6).first().isEqualTo("Evil | entry");
        assertThat(evil.get(4)).isEqualTo("source (javascript:alert(4))");
        assertThat(all(rows.get(1), TableCell.class).get(4)).extracting(MarkdownReportTest::textOf)
                .isEqualTo("HTTP 503 | retry");
    }

    @Test
    void sourceTextRendersAsWrittenAndOnlyHttpUrlsAreLinks() {
        Node doc = PARSER.parse(MarkdownReport.render(new ReportView(report(), Optional.empty())));

        assertThat(all(doc, HtmlInline.class)).isEmpty();
        assertThat(all(doc, HtmlBlock.class)).isEmpty();
        assertThat(all(doc, Image.class)).isEmpty();
        assertThat(all(doc, Emphasis.class)).isEmpty();
        assertThat(all(doc, Link.class)).isNotEmpty()
                .allSatisfy(l -> assertThat(l.getDestination()).matches("https?://\\S+"));
        assertThat(all(doc, StrongEmphasis.class)).extracting(MarkdownReportTest::textOf)
                .containsExactly("1 to change, 1 to check by hand, 1 to keep, 0 without a checker (3 entries)");
        assertThat(textOf(doc)).contains(HOSTILE, "- " + HOSTILE);
    }
}
