package org.criu.status.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process and captures what it printed and returned. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Map<String, String> env, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(env, new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun of(List<String> args) {
        return of(Map.of(), args);
    }

    static List<String> args(Object... parts) {
        List<String> list = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof List<?> l) {
                l.forEach(x -> list.add(String.valueOf(x)));
            } else {
                list.add(String.valueOf(part));
            }
        }
        return list;
    }
}
