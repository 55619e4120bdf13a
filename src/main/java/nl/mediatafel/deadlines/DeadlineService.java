package nl.mediatafel.deadlines;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Extends a deadline of a running case, e.g. when the secretariat gives the parties another week to sign.
 *
 * <p>Setting the variable alone is not enough: the engine evaluates {@code timeDate="${signingDeadline}"} once, when
 * the timer is created, and {@code camunda:dueDate} once, when the task is created; afterwards the timer job and the
 * task keep their own copy of the date. So besides the variable, every timer job of the process instance and every
 * open task whose due date is the old deadline is moved to the new one. Only those: a reminder timer on another date
 * stays where it is (extend {@code <variable>Reminder} separately if it should move too). Timers of called process
 * instances are not touched; they have process instances of their own.
 *
 * <p>Dates are compared to the second, because some databases store job and task due dates without milliseconds while
 * the date variable keeps them.
 */
@Service
public class DeadlineService {

  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final TaskService taskService;

  DeadlineService(RuntimeService runtimeService, ManagementService managementService, TaskService taskService) {
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.taskService = taskService;
  }

  /** What {@link #extend} changed: the old and new deadline and the ids of the timer jobs and tasks it moved. */
  public record Extension(String processInstanceId, String variable, Date previousDeadline, Date newDeadline,
      List<String> movedTimerJobIds, List<String> movedTaskIds) {}

  /**
   * Sets the date variable {@code variable} of the process instance to {@code newDeadline}, and moves the timers and
   * open tasks due at the old deadline with it, all in one transaction.
   *
   * @throws IllegalArgumentException when the process instance has no such variable, or it holds no date
   */
  @Transactional
  public Extension extend(String processInstanceId, String variable, Date newDeadline) {
    Objects.requireNonNull(newDeadline, "newDeadline");
    Object current = runtimeService.getVariables(processInstanceId, List.of(variable)).get(variable);
    if (!(current instanceof Date previous)) {
      throw new IllegalArgumentException("Process instance " + processInstanceId + " has no deadline '" + variable
          + "' to extend" + (current == null ? "" : ": it holds a " + current.getClass().getSimpleName()));
    }
    ProcessVariable.of(variable, Date.class).set(runtimeService, processInstanceId, newDeadline);

    List<String> timerJobIds = managementService.createJobQuery().processInstanceId(processInstanceId).timers().list()
        .stream()
        .filter(job -> sameSecond(job.getDuedate(), previous))
        .map(Job::getId)
        .toList();
    timerJobIds.forEach(jobId -> managementService.setJobDuedate(jobId, newDeadline));

    List<Task> tasks = taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream()
        .filter(task -> sameSecond(task.getDueDate(), previous))
        .toList();
    for (Task task : tasks) {
      task.setDueDate(newDeadline);
      taskService.saveTask(task);
    }
    return new Extension(processInstanceId, variable, previous, newDeadline, timerJobIds,
        tasks.stream().map(Task::getId).toList());
  }

  private static boolean sameSecond(Date date, Date deadline) {
    return date != null && truncated(date).equals(truncated(deadline));
  }

  private static Instant truncated(Date date) {
    return date.toInstant().truncatedTo(ChronoUnit.SECONDS);
  }
}
