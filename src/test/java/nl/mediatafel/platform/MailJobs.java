package nl.mediatafel.platform;

import java.util.List;
import nl.mediatafel.mail.MailDeliveryProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The delivery jobs of queued mail ({@code mail-delivery}), run as the job executor would: the tests keep the executor
 * off and drive jobs themselves.
 */
public final class MailJobs {

  private MailJobs() {}

  /** Runs every due delivery job once; a failing one keeps its retry (and the failure) as the executor leaves it. */
  public static int deliverQueued() {
    ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
    if (engine == null) {
      return 0;
    }
    ManagementService management = engine.getManagementService();
    List<Job> due = management.createJobQuery().processDefinitionKey(MailDeliveryProcess.KEY).executable().list();
    int delivered = 0;
    for (Job job : due) {
      try {
        management.executeJob(job.getId());
        delivered++;
      } catch (RuntimeException failed) {
        // recorded on the job (retries, exception); the test asserts what the party did or did not receive
      }
    }
    return delivered;
  }

  /** The delivery jobs of one case that wait, due or not (a failed one waits for its next retry). */
  public static List<Job> waiting(String caseNumber) {
    ProcessEngine engine = ProcessEngines.getDefaultProcessEngine();
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MailDeliveryProcess.KEY)
        .processInstanceBusinessKey(caseNumber).list().stream()
        .flatMap(instance -> engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
            .list().stream())
        .toList();
  }

  /** The delivery jobs that wait, due or not (a failed one waits for its next retry). */
  public static List<Job> waiting() {
    return ProcessEngines.getDefaultProcessEngine().getManagementService().createJobQuery()
        .processDefinitionKey(MailDeliveryProcess.KEY).list();
  }
}
