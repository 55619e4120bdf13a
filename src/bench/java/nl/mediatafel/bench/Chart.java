package nl.mediatafel.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The benchmark's chart: latency and acquisition time against open cases, drawn with JFreeChart. */
final class Chart {

  private Chart() {}

  static void write(Map<String, List<double[]>> series, Path png) throws IOException {
    XYSeriesCollection data = new XYSeriesCollection();
    series.forEach((name, points) -> {
      XYSeries line = new XYSeries(name);
      points.forEach(point -> line.add(point[0], point[1]));
      data.addSeries(line);
    });
    JFreeChart chart = ChartFactory.createXYLineChart("Mediatafel en een kale Camunda 7 op PostgreSQL 17",
        "open zaken", "milliseconden", data, PlotOrientation.VERTICAL, true, false, false);
    LogarithmicAxis cases = new LogarithmicAxis("open zaken");
    cases.setAllowNegativesFlag(false);
    XYPlot plot = chart.getXYPlot();
    plot.setDomainAxis(cases);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      lines.setSeriesStroke(i, new BasicStroke(2.5f));
    }
    plot.setRenderer(lines);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 500);
  }
}
