package org.criu.status.cli;

/** Report formats of {@code check --format}; with {@code --report-dir} each is written as report.EXTENSION. */
enum ReportFormat {
    text("txt"), markdown("md"), html("html"), json("json"), wikitext("wiki"), diff("diff");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    String fileName() {
        return "report." + extension;
    }
}
