package dev.primer.experiments.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a small report in headless Chromium (Debian's {@code chromium}, which {@code ./primer test} installs): every
 * page the index links to must exist and load, every image must decode, and no script may fail. A harness page
 * loads each report page in a frame and writes what it finds into its own DOM, which Chromium dumps.
 */
class ReportInBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern LINK = Pattern.compile("href=\"([^\"#]+\\.html)");

    @TempDir
    Path root;

    @Test
    void everyPageLoadsWithItsImagesAndNoScriptErrors() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is not installed: `./primer test` installs"
                + " it (apt-get install chromium); this test needs a browser to render the report");
        Path out = root.resolve("results");
        writeResults(out);
        Path index = Report.write(out);
        List<String> pages = pages(out, index);
        assertEquals(4, pages.size(), "the index and the pages of the three runs: " + pages);

        Browser clean = render(pages);
        assertTrue(clean.dom().contains("DONE"), clean.dom() + clean.console());
        for (String p : pages) {
            assertTrue(clean.dom().contains("PAGE " + p + " "), p + " not rendered: " + clean.dom());
        }
        assertFalse(clean.dom().contains("MISSING") || clean.dom().contains("BROKEN") || clean.dom().contains("UNREADABLE"),
                clean.dom());
        assertFalse(clean.console().contains("Uncaught"), clean.console());
        String html = Files.readString(index);
        assertTrue(html.contains("Optimisation and sampling") && html.contains("Other experiments")
                && html.contains("m-failed") && html.contains("not run"), html);

        // The same check fails on a corrupt image and on a link to a missing page.
        Files.writeString(out.resolve("running-mean").resolve("mean.png"), "not a png");
        Files.delete(out.resolve("sgd-vs-gd-rates").resolve(Report.PAGE));
        Browser broken = render(pages);
        assertTrue(broken.dom().contains("BROKEN-IMAGE results/running-mean/index.html mean.png"), broken.dom());
        assertTrue(broken.dom().contains("MISSING results/sgd-vs-gd-rates/index.html"), broken.dom());
    }

    /** A registered experiment's result with a log-log plot, an unregistered one with pictures, and a failure. */
    private static void writeResults(Path out) throws Exception {
        Path rates = Files.createDirectories(out.resolve("sgd-vs-gd-rates"));
        double[] t = {1, 10, 100, 1000};
        String loglog = Plots.logLines(rates, "excess-loss", "excess loss", "t", "f - f*", true,
                List.of(new Plots.Series("GD", t, new double[] {1, 0.1, 0.01, 0.001}),
                        Plots.Series.powerLaw("theory: slope -1", 1000, 0.001, 10, -1)));
        new RunRecord("sgd-vs-gd-rates", 1, "quick", Map.of("gd_separable_slope", -1.0, "sgd_overlapping_slope", -0.5),
                List.of(loglog), "slopes -1 and -1/2", 1.5, "CPU", "2026-12-05T12:00:00Z", "reproduced").write(rates);
        Path mean = Files.createDirectories(out.resolve("running-mean"));
        String line = Plots.lines(mean, "mean", "running mean", "n", "mean",
                List.of(new Plots.Series("mean", new double[] {1, 2, 3}, new double[] {0.2, 0.5, 0.4})));
        String grid = Plots.imageGrid(mean, "tiles", "two tiles", List.of("a", "b"), List.of(List.of(
                new Plots.Tile("0", 2, 2, new float[] {0, 1, 1, 0}), new Plots.Tile("1", 2, 2, new float[] {1, 0, 0, 1}))),
                8);
        new RunRecord("running-mean", 1, "quick", Map.of("mean", 0.4, "rows", List.of(Map.of("n", 1, "v", 0.2))),
                List.of(line, grid), "mean 0.4", 0.1, "CPU", "2026-12-05T12:00:00Z", null).write(mean);
        Path failed = Files.createDirectories(out.resolve("memorize-random-labels"));
        Files.writeString(failed.resolve(Tour.FAILURE), "exit status 1\nout of memory <script>alert(1)</script>\n");
    }

    /** The index and every page it links to, relative to the report's parent directory. */
    private static List<String> pages(Path out, Path index) throws Exception {
        List<String> pages = new ArrayList<>(List.of("results/" + Report.PAGE));
        Matcher m = LINK.matcher(Files.readString(index));
        while (m.find()) {
            pages.add("results/" + m.group(1));
        }
        return pages;
    }

    private record Browser(String dom, String console) {
    }

    /** Loads {@code pages} (relative to the report's parent) in frames of a harness page; returns its DOM. */
    private Browser render(List<String> pages) throws Exception {
        String list = String.join(",", pages.stream().map(p -> "\"" + p + "\"").toList());
        Path harness = root.resolve("harness.html");
        Files.writeString(harness, """
                <!DOCTYPE html><html><body><pre id="out"></pre><script>
                const out = document.getElementById("out");
                const say = line => { out.textContent += line + "\\n"; };
                const check = url => new Promise(done => {
                  const f = document.createElement("iframe");
                  f.onload = () => {
                    let d;
                    try { d = f.contentDocument; } catch (e) { say("UNREADABLE " + url + " " + e); done(); return; }
                    if (!d || !d.body || d.title === "") { say("MISSING " + url); done(); return; }
                    const imgs = Array.from(d.images);
                    Promise.all(imgs.map(i => i.complete ? null : new Promise(r => { i.onload = r; i.onerror = r; })))
                      .then(() => {
                        imgs.filter(i => !(i.naturalWidth > 0)).forEach(i => say("BROKEN-IMAGE " + url + " "
                            + i.getAttribute("src")));
                        say("PAGE " + url + " images=" + imgs.length);
                        done();
                      });
                  };
                  f.src = url;
                  document.body.appendChild(f);
                });
                (async () => { for (const p of [%s]) { await check(p); } say("DONE"); })();
                </script></body></html>
                """.formatted(list));
        Path console = root.resolve("console.txt");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--allow-file-access-from-files", "--user-data-dir=" + root.resolve("profile"),
                "--enable-logging=stderr", "--v=0", "--virtual-time-budget=20000", "--dump-dom",
                harness.toUri().toString()).redirectError(console.toFile()).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        return new Browser(dom.substring(0, Math.max(0, dom.indexOf("<script>"))), Files.readString(console));
    }
}
