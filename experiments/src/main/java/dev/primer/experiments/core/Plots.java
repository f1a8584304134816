package dev.primer.experiments.core;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG plots for experiment results, all 800 wide with a 500-high chart plus a legend line per series (drawn at twice
 * the pixels for sharp text): lines, lines on logarithmic axes (labels at decades only, no grid lines along them;
 * log10 on a linear scale where decade labels would overlap), scatters; the Okabe–Ito colour-blind-safe palette,
 * dashed grey reference lines for theory; pictures as captioned image grids and tight mosaics.
 */
public final class Plots {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;
    /** Height added per series for the legend under the plot, so every plot area is the same size. */
    private static final int LEGEND_LINE = 18;
    /** Twice the screen's 72 DPI: the PNG holds 1600x1000 pixels, shown at 800x500. */
    private static final int DPI = 144;
    /** Most decades a log axis spans before its decade labels (one each) would overlap. */
    static final int MAX_DECADES = 24;
    /**
     * Okabe &amp; Ito 2008, "Color universal design": blue, vermillion, bluish green, orange, reddish purple, sky blue,
     * black, yellow.
     */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xE69F00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
            SeriesMarkers.SQUARE};
    private static final BasicStroke SOLID_LINE = new BasicStroke(2f);
    private static final BasicStroke DASHED_LINE = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {8f, 4f}, 0f);
    private static final BasicStroke REFERENCE_LINE = new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f);
    private static final Color REFERENCE_COLOR = new Color(0x555555);

    private Plots() {
    }

    /**
     * One named line: x and y values of equal length.
     *
     * @param reference whether it is a reference (a theory line, a threshold), drawn thin, dashed and grey
     */
    public record Series(String name, double[] x, double[] y, boolean reference) {
        /** A measured line. */
        public Series(String name, double[] x, double[] y) {
            this(name, x, y, false);
        }

        /**
         * The reference line y = y0·(x/x0)^slope from x0 to x1 (a straight line of that slope on log-log axes), e.g. a
         * theoretical rate anchored at a measured point.
         */
        public static Series powerLaw(String name, double x0, double y0, double x1, double slope) {
            return new Series(name, new double[] {x0, x1}, new double[] {y0, y0 * Math.pow(x1 / x0, slope)}, true);
        }
    }

    /** Writes a line chart of {@code series} to {@code dir/file} (800x500 PNG) and returns the file name. */
    public static String lines(Path dir, String file, String title, String xLabel, String yLabel,
                               List<Series> series) throws IOException {
        XYChart chart = chart(title, xLabel, yLabel, series.size());
        for (int i = 0; i < series.size(); i++) {
            style(add(chart, series.get(i), series.get(i).x(), series.get(i).y()), series.get(i), i);
        }
        return save(chart, dir, file);
    }

    /**
     * A line chart with a logarithmic y axis and, if {@code logX}, x axis; non-positive points are dropped. An axis
     * spanning more than {@link #MAX_DECADES} decades, whose decade labels would overlap, shows log10 of the values
     * on a linear scale instead (its title says so).
     */
    public static String logLines(Path dir, String file, String title, String xLabel, String yLabel, boolean logX,
                                  List<Series> series) throws IOException {
        List<Series> kept = new ArrayList<>();
        double[] xRange = {Double.POSITIVE_INFINITY, 0};
        double[] yRange = {Double.POSITIVE_INFINITY, 0};
        for (Series s : series) {
            int n = 0;
            for (int j = 0; j < s.x().length; j++) {
                n += s.y()[j] > 0 && (!logX || s.x()[j] > 0) ? 1 : 0;
            }
            double[] x = new double[n];
            double[] y = new double[n];
            for (int j = 0, k = 0; j < s.x().length; j++) {
                if (s.y()[j] > 0 && (!logX || s.x()[j] > 0)) {
                    x[k] = s.x()[j];
                    y[k++] = s.y()[j];
                    widen(xRange, x[k - 1]);
                    widen(yRange, y[k - 1]);
                }
            }
            kept.add(new Series(s.name(), x, y, s.reference()));
        }
        boolean wideX = logX && decades(xRange) > MAX_DECADES;
        boolean wideY = decades(yRange) > MAX_DECADES;
        XYChart chart = chart(title, wideX ? "log10 " + xLabel : xLabel, wideY ? "log10 " + yLabel : yLabel,
                kept.size());
        for (int i = 0; i < kept.size(); i++) {
            Series s = kept.get(i);
            if (s.x().length > 0) {
                style(add(chart, s, wideX ? log10(s.x()) : s.x(), wideY ? log10(s.y()) : s.y()), s, i);
            }
        }
        XYStyler st = chart.getStyler();
        st.setYAxisLogarithmic(!wideY).setYAxisLogarithmicDecadeOnly(decades(yRange) >= 1);
        st.setXAxisLogarithmic(logX && !wideX).setXAxisLogarithmicDecadeOnly(decades(xRange) >= 1);
        // XChart draws a grid line at every 2..9 between decades: none along a log axis spanning a decade or more.
        st.setPlotGridVerticalLinesVisible(!(logX && !wideX) || decades(xRange) < 1);
        st.setPlotGridHorizontalLinesVisible(wideY || decades(yRange) < 1);
        return save(chart, dir, file);
    }

    private static double[] log10(double[] v) {
        double[] l = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            l[i] = Math.log10(v[i]);
        }
        return l;
    }

    /** A scatter chart of each series' points (circles, then other shapes past the palette's eight colours). */
    public static String scatter(Path dir, String file, String title, String xLabel, String yLabel,
                                 List<Series> series) throws IOException {
        XYChart chart = chart(title, xLabel, yLabel, series.size());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            chart.addSeries(s.name(), s.x(), s.y()).setMarker(MARKERS[i / PALETTE.length % MARKERS.length])
                    .setMarkerColor(s.reference() ? REFERENCE_COLOR : PALETTE[i % PALETTE.length]);
        }
        return save(chart, dir, file);
    }

    /** A labelled arrow from point (x0, y0) to (x1, y1), e.g. from one word's vector to its partner's. */
    public record Segment(String fromLabel, double x0, double y0, String toLabel, double x1, double y1) {
    }

    /** Draws each segment as a line with a dot at both ends and its two labels; returns the file name. */
    public static String segments(Path dir, String file, String title, String xLabel, String yLabel,
                                  List<Segment> segments) throws IOException {
        XYChart chart = chart(title, xLabel, yLabel, 0);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMarkerSize(6);
        for (Segment s : segments) {
            chart.addSeries(s.fromLabel() + " → " + s.toLabel(), new double[] {s.x0(), s.x1()},
                    new double[] {s.y0(), s.y1()}).setMarker(SeriesMarkers.CIRCLE);
            chart.addAnnotation(new AnnotationText(s.fromLabel(), s.x0(), s.y0(), false));
            chart.addAnnotation(new AnnotationText(s.toLabel(), s.x1(), s.y1(), false));
        }
        return save(chart, dir, file);
    }

    private static XYSeries add(XYChart chart, Series s, double[] x, double[] y) {
        return chart.addSeries(s.name(), x, y);
    }

    /** The i-th measured series in the i-th palette colour (dashed after the palette's eight), references grey. */
    private static void style(XYSeries xy, Series s, int i) {
        xy.setMarker(SeriesMarkers.NONE);
        if (s.reference()) {
            xy.setLineColor(REFERENCE_COLOR).setLineStyle(REFERENCE_LINE);
        } else {
            xy.setLineColor(PALETTE[i % PALETTE.length]).setLineStyle(i < PALETTE.length ? SOLID_LINE : DASHED_LINE);
        }
    }

    private static void widen(double[] range, double v) {
        range[0] = Math.min(range[0], v);
        range[1] = Math.max(range[1], v);
    }

    private static double decades(double[] range) {
        return range[1] > 0 && range[0] > 0 ? Math.log10(range[1] / range[0]) : 0;
    }

    /** A white chart with the legend below the plot, one line per series, the image growing by the legend's height. */
    private static XYChart chart(String title, String xLabel, String yLabel, int series) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT + LEGEND_LINE * series).title(title)
                .xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        XYStyler st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE).setPlotBorderVisible(false)
                .setLegendBorderColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Vertical).setChartTitleBoxVisible(false)
                .setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15))
                .setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12)).setSeriesColors(PALETTE);
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12))
                .setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13))
                .setPlotGridLinesColor(new Color(0xE6E6E6)).setPlotGridLinesStroke(new BasicStroke(1f))
                .setAxisTickMarksColor(Color.GRAY).setXAxisTickMarkSpacingHint(120).setYAxisTickMarkSpacingHint(60);
        st.setMarkerSize(0);
        return chart;
    }

    private static String save(XYChart chart, Path dir, String file) throws IOException {
        String name = file.endsWith(".png") ? file : file + ".png";
        BitmapEncoder.saveBitmapWithDPI(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG, DPI);
        return name;
    }

    /**
     * Writes grey-scale images (rows of {@code h·w} intensities in [0, 1], row-major) as a grid of {@code cols}
     * columns, each pixel drawn {@code scale}×{@code scale} with a one-pixel gap, to {@code dir/file}; returns the
     * file name.
     */
    public static String mosaic(Path dir, String file, float[][] images, int h, int w, int cols, int scale)
            throws IOException {
        int rows = (images.length + cols - 1) / cols;
        int cellW = w * scale + 1;
        int cellH = h * scale + 1;
        BufferedImage img = new BufferedImage(cols * cellW + 1, rows * cellH + 1, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < images.length; i++) {
            int x0 = 1 + (i % cols) * cellW;
            int y0 = 1 + (i / cols) * cellH;
            for (int p = 0; p < h * w; p++) {
                int grey = Math.round(255 * Math.min(1f, Math.max(0f, images[i][p])));
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        img.getRaster().setSample(x0 + (p % w) * scale + dx, y0 + (p / w) * scale + dy, 0, grey);
                    }
                }
            }
        }
        return save(img, dir, file);
    }

    /**
     * One grayscale picture with a caption under it.
     *
     * @param caption text under the picture (may be empty)
     * @param height  rows
     * @param width   columns
     * @param pixels  row-major intensities, 0 black to 1 white (values outside are clipped)
     */
    public record Tile(String caption, int height, int width, float[] pixels) {
        /** Checks that the pixels fill height × width. */
        public Tile {
            if (height < 1 || width < 1 || pixels.length != height * width) {
                throw new IllegalArgumentException("a " + height + "x" + width + " tile needs " + height * width
                        + " pixels, got " + pixels.length);
            }
        }
    }

    private static final int MARGIN = 8;
    private static final int LINE = 16;

    /**
     * Writes {@code rows} of tiles as a grid under a title and column headings, each pixel drawn as a
     * {@code scale}×{@code scale} square, to {@code dir/file} (PNG), and returns the file name.
     */
    public static String imageGrid(Path dir, String file, String title, List<String> columnTitles,
                                   List<List<Tile>> rows, int scale) throws IOException {
        if (rows.isEmpty() || scale < 1) {
            throw new IllegalArgumentException("an image grid needs at least one row and scale >= 1, got "
                    + rows.size() + " rows and scale " + scale);
        }
        int cols = columnTitles.size();
        int cellW = 0;
        int cellH = 0;
        for (List<Tile> row : rows) {
            if (row.size() != cols) {
                throw new IllegalArgumentException("every row needs " + cols + " tiles (one per column title), got "
                        + row.size());
            }
            for (Tile t : row) {
                cellW = Math.max(cellW, t.width() * scale);
                cellH = Math.max(cellH, t.height() * scale);
            }
        }
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        FontMetrics fm = probe.createGraphics().getFontMetrics(font);
        for (String c : columnTitles) {
            cellW = Math.max(cellW, fm.stringWidth(c));
        }
        for (List<Tile> row : rows) {
            for (Tile t : row) {
                cellW = Math.max(cellW, fm.stringWidth(t.caption()));
            }
        }
        int width = MARGIN + cols * (cellW + MARGIN);
        int top = MARGIN + 2 * LINE;
        int rowH = cellH + LINE + MARGIN;
        BufferedImage img = new BufferedImage(Math.max(width, fm.stringWidth(title) + 2 * MARGIN),
                top + rows.size() * rowH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(font.deriveFont(Font.BOLD));
        g.drawString(title, MARGIN, MARGIN + fm.getAscent());
        g.setFont(font);
        for (int c = 0; c < cols; c++) {
            g.drawString(columnTitles.get(c), MARGIN + c * (cellW + MARGIN), MARGIN + LINE + fm.getAscent());
        }
        for (int r = 0; r < rows.size(); r++) {
            int y0 = top + r * rowH;
            for (int c = 0; c < cols; c++) {
                Tile t = rows.get(r).get(c);
                int x0 = MARGIN + c * (cellW + MARGIN);
                for (int i = 0; i < t.height(); i++) {
                    for (int j = 0; j < t.width(); j++) {
                        float v = Math.max(0f, Math.min(1f, t.pixels()[i * t.width() + j]));
                        g.setColor(new Color(v, v, v));
                        g.fillRect(x0 + j * scale, y0 + i * scale, scale, scale);
                    }
                }
                g.setColor(Color.BLACK);
                g.drawString(t.caption(), x0, y0 + cellH + fm.getAscent());
            }
        }
        g.dispose();
        return save(img, dir, file);
    }

    private static String save(BufferedImage img, Path dir, String file) throws IOException {
        String name = file.endsWith(".png") ? file : file + ".png";
        ImageIO.write(img, "png", dir.resolve(name).toFile());
        return name;
    }
}
