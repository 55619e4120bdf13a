package nl.mediatafel.process;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * The job a delegate runs in: the same for every retry, new for every visit of the activity, so it keys "sent once
 * per visit" (docs/adr/0004). The engine's command context is the only place that knows it (an internal API).
 */
public final class CurrentJob {

  private CurrentJob() {}

  /** @return the job id, or null when the delegate does not run in a job */
  public static String id() {
    CommandContext commandContext = Context.getCommandContext();
    JobEntity job = commandContext == null ? null : commandContext.getCurrentJob();
    return job == null ? null : job.getId();
  }
}
