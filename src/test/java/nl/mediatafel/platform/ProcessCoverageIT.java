package nl.mediatafel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The process coverage gate: after the unit tests ({@code ./mvnw verify} runs this in the integration-test phase, after
 * surefire, whose tests left one camunda-process-test-coverage report per class), every model in {@code processes/}
 * must have at least {@link ProcessCoverageGate#MINIMUM} of its flow nodes reached by some test. Writes the whole-run
 * report ({@code target/process-test-coverage/whole-run/report.html}); the message names the flow nodes no test reached.
 * A partial unit-test run fails here: expected.
 */
class ProcessCoverageIT {

  @Test
  void everyModelIsCoveredByTheTestsOfTheWholeRun() throws Exception {
    assertThat(ProcessCoverageGate.classReports(ProcessCoverageGate.REPORTS))
        .as("the unit tests' coverage reports (run ./mvnw verify)").isNotEmpty();
    List<ProcessCoverageGate.ModelCoverage> models =
        ProcessCoverageGate.writeWholeRunReport(Path.of("processes"), ProcessCoverageGate.REPORTS);
    try (var files = Files.list(Path.of("processes"))) {
      assertThat(models).as("one line per model of processes/")
          .hasSize((int) files.filter(path -> path.toString().endsWith(".bpmn")).count());
    }
    assertThat(ProcessCoverageGate.belowMinimum(models)).as("models below %.0f%% of their flow nodes",
        100 * ProcessCoverageGate.MINIMUM).isEmpty();
  }
}
