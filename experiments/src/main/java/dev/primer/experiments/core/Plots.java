package dev.primer.experiments.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG line plots for experiment results. */
public final class Plots {
    private Plots() {
    }

    /** One named line: x and y values of equal length. */
    public record Series(String name, double[] x, double[] y) {
    }

    /** Writes a line chart of {@code series} to {@code dir/file} (800x500 PNG) and returns the file name. */
    public static String lines(Path dir, String file, String title, String xLabel, String yLabel,
                               List<Series> series) throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        chart.getStyler().setMarkerSize(0);
        for (Series s : series) {
            XYSeries xy = chart.addSeries(s.name(), s.x(), s.y());
            xy.setMarker(SeriesMarkers.NONE);
        }
        String name = file.endsWith(".png") ? file : file + ".png";
        BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
        return name;
    }
}
