package dev.primer.experiments.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds the static report under a results directory: {@code DIR/index.html}, the primer's claims grouped by
 * chapter with our figure, the paper's and a mark each, and {@code DIR/NAME/index.html}, one page per experiment.
 * Every registered experiment appears (marked "not run" without a result); results of experiments the registry
 * does not know go under {@link Chapter#OTHER}. The pages need no server, script or network.
 */
public final class Report {
    /** The page of each experiment, inside its directory. */
    public static final String PAGE = "index.html";
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final String STYLE = """
            body{font:16px/1.45 system-ui,sans-serif;max-width:1100px;margin:1.5em auto;padding:0 1em;color:#1b1b1b}
            h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:2px solid #ddd}
            a{color:#0060a0}table{border-collapse:collapse;width:100%}
            td,th{border-bottom:1px solid #e3e3e3;padding:6px 8px;text-align:left;vertical-align:top}
            th{background:#f6f6f6;font-weight:600}td.num{font-variant-numeric:tabular-nums;white-space:nowrap}
            .small{color:#555;font-size:.85em}.mark{display:inline-block;padding:1px 8px;border-radius:10px;
            font-size:.85em;font-weight:600;white-space:nowrap;border:1px solid}
            .m-reproduced{background:#d9f2ea;border-color:#009e73;color:#00523c}
            .m-partly{background:#fbeccb;border-color:#e69f00;color:#6b4a00}
            .m-not-reproduced{background:#f8dccb;border-color:#d55e00;color:#7a3600}
            .m-not-judged{background:#eee;border-color:#999;color:#444}
            .m-failed{background:#f5dcec;border-color:#cc79a7;color:#6d1f4c}
            .m-not-run{background:#fff;border-color:#bbb;color:#777;border-style:dashed}
            figure{margin:1.2em 0}figure img{max-width:100%;height:auto;border:1px solid #ddd}
            figcaption{color:#555;font-size:.85em}table.claims{table-layout:fixed}td{overflow-wrap:anywhere}
            .scroll{overflow-x:auto;max-width:900px}table.inner{width:auto;font-size:.85em}
            table.inner td,table.inner th{padding:2px 6px}pre,code{background:#f6f6f6;font-size:.9em}
            pre{padding:8px;overflow-x:auto}details{margin:1em 0}summary{cursor:pointer;font-weight:600}
            .headline{font-size:1.1em;border-left:4px solid #56b4e9;padding-left:10px}
            """;

    private Report() {
    }

    /** What the report shows of one experiment: its claim and its run's result, failure or absence. */
    private record Entry(String name, Claim claim, RunRecord run, String failure) {
        String mark() {
            if (run != null) {
                return Verdict.ofLabel(run.verdict()).label();
            }
            return failure != null ? "failed" : "not run";
        }

        String markHtml() {
            String m = mark();
            String symbol = switch (m) {
                case "reproduced" -> "✓ ";
                case "partly" -> "◐ ";
                case "not reproduced" -> "✗ ";
                case "failed" -> "⚠ ";
                default -> "";
            };
            return "<span class=\"mark m-" + m.replace(' ', '-') + "\">" + symbol + esc(m) + "</span>";
        }
    }

    /** Writes {@code DIR/index.html} and each experiment's page for all results under DIR; returns the index. */
    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<Chapter, List<Entry>> chapters = new EnumMap<>(Chapter.class);
        for (Entry e : entries(dir)) {
            chapters.computeIfAbsent(e.claim().chapter(), c -> new ArrayList<>()).add(e);
            if (e.run() != null || e.failure() != null) {
                Files.writeString(dir.resolve(e.name()).resolve(PAGE), page(e, dir.resolve(e.name())));
            }
        }
        Path index = dir.resolve(PAGE);
        Files.writeString(index, index(chapters));
        return index;
    }

    /** Registered experiments in registry order, then results under {@code dir} that the registry lacks. */
    private static List<Entry> entries(Path dir) throws IOException {
        Map<String, Claim> claims = new LinkedHashMap<>();
        for (Experiment<?> e : Registry.all()) {
            claims.put(e.name(), e.claim());
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> subdirs = Files.list(dir)) {
                for (Path d : subdirs.filter(Files::isDirectory).sorted().toList()) {
                    String name = d.getFileName().toString();
                    if (!claims.containsKey(name) && (Files.exists(d.resolve(RunRecord.FILE))
                            || Files.exists(d.resolve(Tour.FAILURE)))) {
                        claims.put(name, Claim.unfiled("(not in this build's registry)"));
                    }
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Claim> c : claims.entrySet()) {
            Path d = dir.resolve(c.getKey());
            RunRecord run = null;
            String failure = null;
            if (Files.exists(d.resolve(RunRecord.FILE))) {
                try {
                    run = RunRecord.read(d);
                } catch (IOException e) {
                    failure = "unreadable " + d.resolve(RunRecord.FILE) + ": " + e.getMessage();
                }
            } else if (Files.exists(d.resolve(Tour.FAILURE))) {
                failure = Files.readString(d.resolve(Tour.FAILURE));
            }
            entries.add(new Entry(c.getKey(), c.getValue(), run, failure));
        }
        return entries;
    }

    private static String index(Map<Chapter, List<Entry>> chapters) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String m : List.of("reproduced", "partly", "not reproduced", "not judged", "failed", "not run")) {
            counts.put(m, 0);
        }
        double wall = 0;
        for (List<Entry> es : chapters.values()) {
            for (Entry e : es) {
                counts.merge(e.mark(), 1, Integer::sum);
                wall += e.run() == null ? 0 : e.run().wallSeconds();
            }
        }
        StringBuilder h = head("primer: the claims, reproduced");
        h.append("<h1>primer: the claims, reproduced</h1>\n<p class=\"small\">");
        counts.forEach((m, n) -> h.append(n).append(' ').append(esc(m)).append(" · "));
        h.append(String.format(Locale.ROOT, "%s of runs in all · built %s</p>\n", duration(wall),
                Instant.now().toString().substring(0, 16).replace('T', ' ')));
        h.append("<p class=\"small\">Each row is one claim of the primer: our measured figure beside the paper's "
                + "(or a referee's), and the verdict the experiment computes from its own metrics. A quick budget "
                + "is a smoke run; the figures are the full budget's.</p>\n");
        for (Map.Entry<Chapter, List<Entry>> c : chapters.entrySet()) {
            h.append("<h2 id=\"").append(c.getKey().name().toLowerCase(Locale.ROOT)).append("\">")
                    .append(esc(c.getKey().title())).append("</h2>\n<table class=\"claims\">\n<colgroup>"
                            + "<col style=\"width:13%\">"
                            + "<col style=\"width:31%\"><col style=\"width:18%\"><col style=\"width:17%\">"
                            + "<col style=\"width:12%\"><col style=\"width:9%\"></colgroup>\n<tr><th>experiment</th>"
                            + "<th>claim</th><th>our figure</th><th>paper's figure</th><th>mark</th><th>run</th>"
                            + "</tr>\n");
            for (Entry e : c.getValue()) {
                boolean page = e.run() != null || e.failure() != null;
                h.append("<tr><td>").append(page ? "<a href=\"" + esc(e.name()) + "/" + PAGE + "\">" : "")
                        .append(esc(e.name())).append(page ? "</a>" : "").append("</td><td>")
                        .append(esc(e.claim().sentence()));
                if (!e.claim().citation().isEmpty()) {
                    h.append(" <span class=\"small\">").append(esc(e.claim().citation())).append("</span>");
                }
                h.append("</td><td>").append(ourFigure(e)).append("</td><td>").append(esc(e.claim().paperFigure()))
                        .append("</td><td>").append(e.markHtml()).append("</td><td class=\"small\">");
                if (e.run() != null) {
                    h.append(esc(e.run().budget())).append("<br>").append(esc(date(e.run().finishedAt())));
                }
                h.append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    /** The first key figure that is a number or a short list as "name value", else the headline; "" without a run. */
    private static String ourFigure(Entry e) {
        if (e.run() == null) {
            return "";
        }
        for (String k : e.claim().keys()) {
            Object v = e.run().metrics().get(k);
            if (v != null && !(v instanceof Map<?, ?>) && !(v instanceof List<?> l && (l.size() > 4
                    || l.stream().anyMatch(x -> x instanceof Map<?, ?> || x instanceof List<?>)))) {
                return "<span class=\"small\">" + esc(k.replace('_', ' ')) + "</span><br>" + esc(format(v));
            }
        }
        return "<span class=\"small\">" + esc(e.run().headline()) + "</span>";
    }

    /** A metric as a table cell: a list of records as a table of their fields, anything else formatted. */
    private static String cell(Object v) {
        if (v instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(x -> x instanceof Map<?, ?>)) {
            StringBuilder t = new StringBuilder("<div class=\"scroll\"><table class=\"inner\"><tr>");
            Map<?, ?> first = (Map<?, ?>) l.get(0);
            first.keySet().forEach(k -> t.append("<th>").append(esc(String.valueOf(k))).append("</th>"));
            t.append("</tr>");
            for (Object row : l) {
                t.append("<tr>");
                first.keySet().forEach(k -> t.append("<td>").append(esc(format(((Map<?, ?>) row).get(k))))
                        .append("</td>"));
                t.append("</tr>");
            }
            return t.append("</table></div>").toString();
        }
        return esc(format(v));
    }

    private static String page(Entry e, Path dir) {
        Claim c = e.claim();
        StringBuilder h = head(e.name() + " · primer");
        h.append("<p class=\"small\"><a href=\"../").append(PAGE).append("#")
                .append(c.chapter().name().toLowerCase(Locale.ROOT)).append("\">← ").append(esc(c.chapter().title()))
                .append("</a></p>\n<h1>").append(esc(e.name())).append(' ').append(e.markHtml()).append("</h1>\n<p>")
                .append(esc(c.sentence()));
        if (!c.citation().isEmpty()) {
            h.append(" <span class=\"small\">— ").append(esc(c.citation())).append("</span>");
        }
        h.append("</p>\n");
        RunRecord r = e.run();
        if (r == null) {
            h.append("<h2>The run failed</h2>\n<pre>").append(esc(e.failure())).append("</pre>\n");
        } else {
            h.append("<p class=\"headline\">").append(esc(r.headline())).append("</p>\n");
            for (String p : r.plots()) {
                h.append("<figure><a href=\"").append(esc(p)).append("\"><img src=\"").append(esc(p))
                        .append("\" alt=\"").append(esc(p)).append("\"></a><figcaption>").append(esc(p))
                        .append("</figcaption></figure>\n");
            }
            h.append("<h2>Key figures</h2>\n<table>\n");
            for (String k : c.keys()) {
                Optional.ofNullable(r.metrics().get(k)).ifPresent(v -> h.append("<tr><th>").append(esc(k))
                        .append("</th><td class=\"num\">").append(cell(v)).append("</td></tr>\n"));
            }
            if (!c.paperFigure().isEmpty()) {
                h.append("<tr><th>paper's figure</th><td>").append(esc(c.paperFigure())).append("</td></tr>\n");
            }
            h.append("<tr><th>verdict</th><td>").append(e.markHtml())
                    .append("</td></tr>\n<tr><th>budget, seed</th><td>").append(esc(r.budget())).append(", ")
                    .append(r.seed()).append("</td></tr>\n<tr><th>wall time</th><td>")
                    .append(duration(r.wallSeconds())).append("</td></tr>\n<tr><th>finished</th><td>")
                    .append(esc(r.finishedAt())).append("</td></tr>\n<tr><th>backend</th><td>").append(esc(r.backend()))
                    .append("</td></tr>\n</table>\n<details><summary>All metrics (").append(r.metrics().size())
                    .append(")</summary>\n<table>\n");
            r.metrics().forEach((k, v) -> h.append("<tr><th>").append(esc(k)).append("</th><td class=\"num\">")
                    .append(cell(v)).append("</td></tr>\n"));
            h.append("</table>\n</details>\n");
        }
        h.append("<h2>Reproduce</h2>\n<pre>");
        long seed = r == null ? 1 : r.seed();
        for (Budget b : Budget.values()) {
            h.append(esc(String.format(Locale.ROOT, "./primer run %s --budget %s --seed %d%n", e.name(),
                    b.name().toLowerCase(Locale.ROOT), seed)));
        }
        h.append("</pre>\n");
        if (Files.exists(dir.resolve(Tour.LOG))) {
            h.append("<p class=\"small\">The run's console: <a href=\"").append(Tour.LOG).append("\">")
                    .append(Tour.LOG).append("</a>.</p>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static StringBuilder head(String title) {
        return new StringBuilder(8192).append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>")
                .append(esc(title)).append("</title>\n<style>").append(STYLE).append("</style></head><body>\n");
    }

    /** A metric for people: doubles to 4 significant digits, lists and records as compact JSON of those. */
    static String format(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.4g", d);
        }
        if (v instanceof List<?> || v instanceof Map<?, ?>) {
            try {
                return COMPACT.writeValueAsString(v).replaceAll("(\\d\\.\\d{3})\\d+", "$1").replace(",", ", ");
            } catch (JsonProcessingException e) {
                return String.valueOf(v);
            }
        }
        return String.valueOf(v);
    }

    private static String duration(double seconds) {
        return seconds < 60 ? String.format(Locale.ROOT, "%.1f s", seconds)
                : String.format(Locale.ROOT, "%d min %02d s", (long) seconds / 60, (long) seconds % 60);
    }

    /** "MM-DD HH:MM" of an ISO-8601 instant (the year is the report's). */
    private static String date(String iso) {
        return iso == null || iso.length() < 16 ? String.valueOf(iso) : iso.substring(5, 16).replace('T', ' ');
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
