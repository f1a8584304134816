package dev.primer.experiments.core;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots (800x500) for experiment results: lines, lines on logarithmic axes, scatters; and image grids. */
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
    public static String imageGrid(Path dir, String file, float[][] images, int h, int w, int cols, int scale)
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
        String name = file.endsWith(".png") ? file : file + ".png";
        ImageIO.write(img, "png", dir.resolve(name).toFile());
        return name;
    }
}
