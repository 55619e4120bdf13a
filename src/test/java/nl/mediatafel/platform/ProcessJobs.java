package nl.mediatafel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Process tests run with the job executor off: this runs the jobs waiting at one activity, as the executor would. */
public final class ProcessJobs {

  private ProcessJobs() {}

  /** Executes every job of the instance at the activity; fails when there is none (the model did not get there). */
  public static void executeAt(ManagementService managementService, ProcessInstance instance, String activityId) {
    List<Job> jobs = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
        .list();
    assertThat(jobs).as("jobs at %s", activityId).isNotEmpty();
    jobs.forEach(job -> managementService.executeJob(job.getId()));
  }
}
