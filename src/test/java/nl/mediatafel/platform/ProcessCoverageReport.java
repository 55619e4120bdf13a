package nl.mediatafel.platform;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes {@link ProcessCoverage#REPORT} when the unit-test run ends (registered in
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}). Only surefire's run writes it (system
 * property {@value #ENABLED}, set in the pom), so the integration tests' own engines never overwrite it.
 */
public class ProcessCoverageReport implements TestExecutionListener {

  static final String ENABLED = "mediatafel.process-coverage-report";

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (Boolean.getBoolean(ENABLED)) {
      ProcessCoverage.writeReport();
    }
  }
}
