package dev.primer.experiments.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Builds {@code DIR/index.html}: every result under DIR with its headline, key metrics and plots. */
public final class Report {
    private Report() {
    }

    /** Writes the report for all {@code DIR/* /result.json} and returns its path. */
    public static Path write(Path dir) throws IOException {
        List<RunRecord> runs = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> subdirs = Files.list(dir)) {
                for (Path d : subdirs.sorted().toList()) {
                    if (Files.exists(d.resolve(RunRecord.FILE))) {
                        runs.add(RunRecord.read(d));
                    }
                }
            }
        }
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>primer results</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}")
                .append("img{max-width:100%;border:1px solid #ddd}section{margin-bottom:3em}</style></head><body>\n")
                .append("<h1>primer results</h1>\n<p>").append(runs.size()).append(" experiment(s).</p>\n<ul>\n");
        for (RunRecord r : runs) {
            h.append("<li><a href=\"#").append(esc(r.name())).append("\">").append(esc(r.name()))
                    .append("</a></li>\n");
        }
        h.append("</ul>\n");
        for (RunRecord r : runs) {
            h.append("<section id=\"").append(esc(r.name())).append("\"><h2>").append(esc(r.name())).append("</h2>\n");
            h.append("<p><b>").append(esc(r.headline())).append("</b></p>\n");
            h.append("<p>budget ").append(esc(r.budget())).append(", seed ").append(r.seed())
                    .append(String.format(Locale.ROOT, ", %.1f s wall", r.wallSeconds())).append(", ")
                    .append(esc(r.backend())).append(", finished ").append(esc(r.finishedAt())).append("</p>\n");
            h.append("<table>\n");
            for (Map.Entry<String, Object> m : r.metrics().entrySet()) {
                h.append("<tr><th>").append(esc(m.getKey())).append("</th><td>").append(esc(format(m.getValue())))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
            for (String p : r.plots()) {
                h.append("<p><img src=\"").append(esc(r.name() + "/" + p)).append("\" alt=\"").append(esc(p))
                        .append("\"></p>\n");
            }
            h.append("</section>\n");
        }
        h.append("</body></html>\n");
        Files.createDirectories(dir);
        Path index = dir.resolve("index.html");
        Files.writeString(index, h);
        return index;
    }

    private static String format(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.4g", d);
        }
        return String.valueOf(v);
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
