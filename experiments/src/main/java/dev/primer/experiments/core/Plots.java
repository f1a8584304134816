package dev.primer.experiments.core;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots (800x500) for experiment results: lines, lines on logarithmic axes, scatters; pictures as captioned image grids and tight mosaics. */
public final class Plots {
    private Plots() {
    }

    /** One named line: x and y values of equal length. */
    public record Series(String name, double[] x, double[] y) {
    }

    /** Writes a line chart of {@code series} to {@code dir/file} (800x500 PNG) and returns the file name. */
    public static String lines(Path dir, String file, String title, String xLabel, String yLabel,
                               List<Series> series) throws IOException {
        XYChart chart = chart(title, xLabel, yLabel);
        chart.getStyler().setMarkerSize(0);
        for (Series s : series) {
            XYSeries xy = chart.addSeries(s.name(), s.x(), s.y());
            xy.setMarker(SeriesMarkers.NONE);
        }
        return save(chart, dir, file);
    }

    /** A line chart with a logarithmic y axis and, if {@code logX}, x axis; non-positive points are dropped. */
    public static String logLines(Path dir, String file, String title, String xLabel, String yLabel, boolean logX,
                                  List<Series> series) throws IOException {
        XYChart chart = chart(title, xLabel, yLabel);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setMarkerSize(0);
        for (Series s : series) {
            int n = 0;
            for (int i = 0; i < s.x().length; i++) {
                n += s.y()[i] > 0 && (!logX || s.x()[i] > 0) ? 1 : 0;
            }
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0, k = 0; i < s.x().length; i++) {
                if (s.y()[i] > 0 && (!logX || s.x()[i] > 0)) {
                    x[k] = s.x()[i];
                    y[k++] = s.y()[i];
                }
            }
            if (n > 0) {
                chart.addSeries(s.name(), x, y).setMarker(SeriesMarkers.NONE);
            }
        }
        return save(chart, dir, file);
    }

    /** A scatter chart of each series' points; returns the file name. */
    public static String scatter(Path dir, String file, String title, String xLabel, String yLabel,
                                 List<Series> series) throws IOException {
        XYChart chart = chart(title, xLabel, yLabel);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        for (Series s : series) {
            chart.addSeries(s.name(), s.x(), s.y()).setMarker(SeriesMarkers.CIRCLE);
        }
        return save(chart, dir, file);
    }

    /** A labelled arrow from point (x0, y0) to (x1, y1), e.g. from one word's vector to its partner's. */
    public record Segment(String fromLabel, double x0, double y0, String toLabel, double x1, double y1) {
    }

    /** Draws each segment as a line with a dot at both ends and its two labels; returns the file name. */
    public static String segments(Path dir, String file, String title, String xLabel, String yLabel,
                                  List<Segment> segments) throws IOException {
        XYChart chart = chart(title, xLabel, yLabel);
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

    private static XYChart chart(String title, String xLabel, String yLabel) {
        return new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel)
                .build();
    }

    private static String save(XYChart chart, Path dir, String file) throws IOException {
        String name = file.endsWith(".png") ? file : file + ".png";
        BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
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
