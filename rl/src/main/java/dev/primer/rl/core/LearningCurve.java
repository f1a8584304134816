package dev.primer.rl.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A learning curve as an 800×500 PNG: return against environment steps, one line per series. */
public final class LearningCurve {
    private LearningCurve() {
    }

    /** One named line. */
    public record Series(String name, double[] steps, double[] returns) {
    }

    /** Writes the curve to {@code file}; series with no points are left out. */
    public static void write(Path file, String title, List<Series> series) throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("environment steps")
                .yAxisTitle("return").build();
        chart.getStyler().setMarkerSize(0);
        for (Series s : series) {
            if (s.steps().length > 0) {
                XYSeries xy = chart.addSeries(s.name(), s.steps(), s.returns());
                xy.setMarker(SeriesMarkers.NONE);
            }
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
