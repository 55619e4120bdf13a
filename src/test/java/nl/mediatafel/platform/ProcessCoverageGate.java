package nl.mediatafel.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.community.process_test_coverage.core.export.CoverageStateJsonExporter;
import org.camunda.community.process_test_coverage.core.export.CoverageStateResult;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.EventSource;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.report.CoverageReportUtil;

/**
 * The process coverage of the whole test run, from the reports camunda-process-test-coverage writes per test class
 * ({@code target/process-test-coverage/<test class>/report.json}, by its Spring test listener in every
 * {@link MediatafelTest}). One model is driven by several test classes (the case process by its scenarios, the portal
 * tests, the settlement tests; a stage by the case that calls it), so the flow nodes reached are united over all
 * classes before they are counted, per model of {@code processes/}: a model no test reached counts 0%, it is not left
 * out. {@code ProcessCoverageIT} runs this after the unit tests and fails the build below {@link #MINIMUM}.
 */
public final class ProcessCoverageGate {

  /** The gate: at least this share of the flow nodes of each model must be reached by some test. */
  public static final double MINIMUM = 0.90;
  /** Where the library writes its per-class reports (its default) and where the whole-run report goes. */
  public static final Path REPORTS = Path.of("target", "process-test-coverage");
  /** The whole-run report: {@code report.json} and {@code report.html} (the library's viewer) and {@code coverage.tsv}. */
  static final String WHOLE_RUN = "whole-run";

  private ProcessCoverageGate() {}

  /** One model's coverage over the run: its flow nodes and those no test reached. */
  public record ModelCoverage(String file, String processKey, Set<String> flowNodes, Set<String> missed) {

    public double ratio() {
      return flowNodes.isEmpty() ? 1.0 : (double) (flowNodes.size() - missed.size()) / flowNodes.size();
    }

    public int reached() {
      return flowNodes.size() - missed.size();
    }
  }

  /** The per-class reports under {@code reports} (not the whole-run report itself). */
  public static List<CoverageStateResult> classReports(Path reports) {
    if (!Files.isDirectory(reports)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(reports, 2)) {
      List<CoverageStateResult> results = new ArrayList<>();
      for (Path file : files.filter(path -> path.getFileName().toString().equals("report.json"))
          .filter(path -> !path.getParent().getFileName().toString().equals(WHOLE_RUN)).sorted().toList()) {
        results.add(CoverageStateJsonExporter.readCoverageStateResult(Files.readString(file)));
      }
      return results;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The coverage of every model in {@code processes} by the flow-node events of all the class reports. */
  public static List<ModelCoverage> measure(Path processes, List<CoverageStateResult> reports) {
    Map<String, Set<String>> reached = new HashMap<>();
    for (CoverageStateResult report : reports) {
      for (Event event : report.getEvents()) {
        if (event.getSource() == EventSource.FLOW_NODE) {
          reached.computeIfAbsent(event.getModelKey(), key -> new TreeSet<>()).add(event.getDefinitionKey());
        }
      }
    }
    List<ModelCoverage> models = new ArrayList<>();
    for (Path file : bpmnFiles(processes)) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        Set<String> nodes = new TreeSet<>();
        model.getModelElementsByType(FlowNode.class).forEach(node -> nodes.add(node.getId()));
        Set<String> missed = new TreeSet<>(nodes);
        missed.removeAll(reached.getOrDefault(process.getId(), Set.of()));
        models.add(new ModelCoverage(file.getFileName().toString(), process.getId(), nodes, missed));
      }
    }
    return models;
  }

  /** The models below {@link #MINIMUM}, each as "file: reached of total; never reached: ids". */
  public static List<String> belowMinimum(List<ModelCoverage> models) {
    return models.stream().filter(model -> model.ratio() < MINIMUM)
        .map(model -> String.format("%s: %d of %d flow nodes reached (%.0f%%); never reached: %s", model.file(),
            model.reached(), model.flowNodes().size(), 100 * model.ratio(), String.join(", ", model.missed())))
        .toList();
  }

  /**
   * Writes the whole-run report under {@code reports/whole-run/}: the library's JSON and HTML viewer over every class
   * report, with all models of {@code processes} (so an unreached one shows at 0%), and {@code coverage.tsv}: one line
   * per model, tab-separated: file, key, reached, total, missed ids. Returns the measured models.
   */
  public static List<ModelCoverage> writeWholeRunReport(Path processes, Path reports) {
    List<CoverageStateResult> classReports = classReports(reports);
    List<ModelCoverage> measured = measure(processes, classReports);
    List<Suite> suites = classReports.stream().flatMap(report -> report.getSuites().stream()).toList();
    String json = CoverageStateJsonExporter.createCoverageStateResult(suites, models(processes));
    Path target = reports.resolve(WHOLE_RUN);
    CoverageReportUtil.writeReport(json, false, target.toFile(), "report.json", content -> content);
    CoverageReportUtil.writeReport(json, true, target.toFile(), "report.html", CoverageReportUtil::generateHtml);
    List<String> lines = measured.stream()
        .map(model -> String.join("\t", model.file(), model.processKey(), Integer.toString(model.reached()),
            Integer.toString(model.flowNodes().size()), String.join(",", model.missed())))
        .toList();
    try {
      Files.write(target.resolve("coverage.tsv"), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return measured;
  }

  /** Every process of {@code processes} as the library's model (flow nodes and sequence flows, as it counts them). */
  private static List<Model> models(Path processes) {
    List<Model> models = new ArrayList<>();
    for (Path file : bpmnFiles(processes)) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      int elements = model.getModelElementsByType(FlowNode.class).size()
          + model.getModelElementsByType(SequenceFlow.class).size();
      for (Process process : model.getModelElementsByType(Process.class)) {
        models.add(new Model(process.getId(), elements, process.getCamundaVersionTag(), Bpmn.convertToString(model)));
      }
    }
    return models;
  }

  private static List<Path> bpmnFiles(Path processes) {
    try (Stream<Path> files = Files.list(processes)) {
      return files.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
