package nl.mediatafel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.community.process_test_coverage.core.export.CoverageStateJsonExporter;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.EventSource;
import org.camunda.community.process_test_coverage.core.model.EventType;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate itself, on fixture reports in the library's format: flow nodes reached by two test classes count together,
 * a model below 90% fails the gate with the ids no test reached, and a model no test reached is in the report at 0%.
 */
class ProcessCoverageGateTest {

  private static final Path PROCESSES = Path.of("processes");

  @TempDir Path reports;

  @Test
  void aModelDrivenByTwoClassesCountsTheirFlowNodesTogether() throws Exception {
    List<String> signing = flowNodes("signing.bpmn");
    int half = signing.size() / 2;
    writeClassReport("nl.mediatafel.signing.FirstHalfTest", "signing", signing.subList(0, half));
    writeClassReport("nl.mediatafel.signing.SecondHalfTest", "signing", signing.subList(half, signing.size()));

    Map<String, ProcessCoverageGate.ModelCoverage> models = byFile(ProcessCoverageGate.writeWholeRunReport(PROCESSES, reports));

    assertThat(models.get("signing.bpmn").ratio()).isEqualTo(1.0);
    assertThat(ProcessCoverageGate.belowMinimum(List.of(models.get("signing.bpmn")))).isEmpty();
  }

  @Test
  void aModelBelowNinetyPercentFailsTheGateNamingWhatNoTestReached() throws Exception {
    List<String> closing = flowNodes("closing.bpmn");
    int reached = (int) Math.ceil(closing.size() * 0.9) - 1;
    writeClassReport("nl.mediatafel.closing.PartialTest", "closing", closing.subList(0, reached));

    List<ProcessCoverageGate.ModelCoverage> measured = ProcessCoverageGate.writeWholeRunReport(PROCESSES, reports);

    assertThat(byFile(measured).get("closing.bpmn").ratio()).isLessThan(ProcessCoverageGate.MINIMUM);
    assertThat(ProcessCoverageGate.belowMinimum(measured)).anySatisfy(line -> assertThat(line)
        .startsWith("closing.bpmn: " + reached + " of " + closing.size()).contains(closing.get(closing.size() - 1)));
  }

  @Test
  void aModelNoTestReachedIsInTheReportAtZero() throws Exception {
    writeClassReport("nl.mediatafel.signing.OnlySigningTest", "signing", flowNodes("signing.bpmn"));

    List<ProcessCoverageGate.ModelCoverage> measured = ProcessCoverageGate.writeWholeRunReport(PROCESSES, reports);

    long models;
    try (var files = Files.list(PROCESSES)) {
      models = files.filter(path -> path.toString().endsWith(".bpmn")).count();
    }
    assertThat(measured).hasSize((int) models);
    assertThat(byFile(measured).get("termination.bpmn").ratio()).isZero();
    assertThat(ProcessCoverageGate.belowMinimum(measured)).anyMatch(line -> line.startsWith("termination.bpmn: 0 of"));
    Path whole = reports.resolve(ProcessCoverageGate.WHOLE_RUN);
    assertThat(Files.readAllLines(whole.resolve("coverage.tsv"))).hasSize((int) models)
        .anyMatch(line -> line.startsWith("termination.bpmn\ttermination\t0\t"));
    assertThat(whole.resolve("report.html")).exists();
    assertThat(CoverageStateJsonExporter.readCoverageStateResult(Files.readString(whole.resolve("report.json")))
        .getModels()).hasSize((int) models);
  }

  private static List<String> flowNodes(String file) {
    return Bpmn.readModelFromFile(PROCESSES.resolve(file).toFile()).getModelElementsByType(FlowNode.class).stream()
        .map(FlowNode::getId).sorted().toList();
  }

  /** A report as the library's Spring listener writes it for one test class: one run with these flow nodes. */
  private void writeClassReport(String testClass, String processKey, List<String> reachedFlowNodes) throws Exception {
    Suite suite = new Suite(testClass, testClass);
    Run run = new Run("aTest", "aTest");
    for (String id : reachedFlowNodes) {
      run.addEvent(new Event(EventSource.FLOW_NODE, EventType.START, id, "task", processKey, 0L));
      run.addEvent(new Event(EventSource.FLOW_NODE, EventType.END, id, "task", processKey, 0L));
    }
    suite.addRun(run);
    Path dir = Files.createDirectories(reports.resolve(testClass));
    Files.writeString(dir.resolve("report.json"),
        CoverageStateJsonExporter.createCoverageStateResult(new ArrayList<>(List.of(suite)), new ArrayList<>()));
  }

  private static Map<String, ProcessCoverageGate.ModelCoverage> byFile(List<ProcessCoverageGate.ModelCoverage> models) {
    return models.stream().collect(Collectors.toMap(ProcessCoverageGate.ModelCoverage::file, Function.identity()));
  }
}
