package org.criu.status.core.page;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Times the page parser on the pathological lines of {@link WikitextParserLinearTest} (each 100,000 characters
 * by default): median of several parses after a warm-up, with the work count per character. Not a test: run it
 * on purpose and compare numbers on one machine (docs/PERFORMANCE.md gives the command).
 *
 * <p>Arguments: {@code [characters] [repetitions]}, defaulting to {@code 100000 7}.
 */
public final class ParserBenchmark {

    private ParserBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        System.out.printf("%-32s %10s %12s %10s%n", "line", "chars", "median ms", "steps/char");
        for (Map.Entry<String, IntFunction<String>> c : WikitextParserLinearTest.pathological().entrySet()) {
            String page = c.getValue().apply(n);
            List<Long> nanos = new ArrayList<>();
            long steps = 0;
            for (int i = 0; i < repetitions + 2; i++) {
                WikitextParser.Work work = new WikitextParser.Work();
                long start = System.nanoTime();
                try {
                    WikitextParser.parse(page, "benchmark", work);
                } catch (PageParseException expected) {
                    // Pages without an entry are read all the same.
                }
                long took = System.nanoTime() - start;
                if (i >= 2) {
                    nanos.add(took);
                }
                steps = work.steps();
            }
            Collections.sort(nanos);
            System.out.printf("%-32s %10d %12.1f %10.1f%n", c.getKey(), page.length(),
                    nanos.get(nanos.size() / 2) / 1e6, (double) steps / page.length());
        }
    }
}
