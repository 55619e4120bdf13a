package nl.mediatafel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Process tests run with the job executor off: this runs the jobs waiting at one activity, as the executor would. */
public final class ProcessJobs {

  private ProcessJobs() {}

  /**
   * Executes every job of the instance at the activity; when the instance has none there, those of the instances its
   * case called (a stage such as {@code intake} or {@code settlement}: same business key). Fails when there is none
   * (the model did not get there).
   */
  public static void executeAt(ManagementService managementService, ProcessInstance instance, String activityId) {
    List<Job> jobs = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
        .list();
    if (jobs.isEmpty() && instance.getBusinessKey() != null) {
      RuntimeService runtimeService = ((ServiceImpl) managementService).getCommandExecutor()
          .execute(context -> context.getProcessEngineConfiguration().getRuntimeService());
      jobs = ofCase(runtimeService, instance).stream()
          .flatMap(id -> managementService.createJobQuery().processInstanceId(id).activityId(activityId).list()
              .stream())
          .toList();
    }
    assertThat(jobs).as("jobs at %s", activityId).isNotEmpty();
    jobs.forEach(job -> managementService.executeJob(job.getId()));
  }

  /** The ids of the running instances with the instance's business key: the case and the stages it called. */
  public static List<String> ofCase(RuntimeService runtimeService, ProcessInstance instance) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey()).list()
        .stream().map(ProcessInstance::getId).toList();
  }
}
