package nl.mediatafel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The process coverage gate: after the unit tests ({@code ./mvnw verify} runs this in the integration-test phase, after
 * surefire), every model in {@code processes/} must have at least {@link ProcessCoverage#MINIMUM} of its flow nodes
 * reached by some test. The message names the flow nodes no test reached.
 */
class ProcessCoverageIT {

  @Test
  void everyModelIsCoveredByTheScenarioTests() throws Exception {
    assertThat(ProcessCoverage.REPORT).as("run the unit tests first (./mvnw verify)").exists();
    List<String> lines = Files.readAllLines(ProcessCoverage.REPORT);
    long models;
    try (var files = Files.list(java.nio.file.Path.of("processes"))) {
      models = files.filter(path -> path.toString().endsWith(".bpmn")).count();
    }
    assertThat(lines).as("one line per model").hasSize((int) models);
    for (String line : lines) {
      String[] cells = line.split("\t", -1);
      int reached = Integer.parseInt(cells[2]);
      int total = Integer.parseInt(cells[3]);
      assertThat((double) reached / total)
          .as("%s: %d of %d flow nodes reached; never reached: %s", cells[0], reached, total, cells[4])
          .isGreaterThanOrEqualTo(ProcessCoverage.MINIMUM);
    }
  }
}
