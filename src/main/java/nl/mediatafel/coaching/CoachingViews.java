package nl.mediatafel.coaching;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import nl.mediatafel.cases.PayerKind;
import nl.mediatafel.cases.MediationCase;
import nl.mediatafel.cases.PayerKind;
import nl.mediatafel.cases.StaffCaseReads;
import nl.mediatafel.cases.PayerKind;
import nl.mediatafel.cases.Party;
import nl.mediatafel.documents.DocumentService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * What staff see of a coaching trajectory through the API: status, stage, the person, the coach, the sessions (date,
 * form, hours), whether advice was recorded (not the advice), the mediation it became, open tasks and documents. The
 * secretariat and administrators see every trajectory, a coach only their own; an unknown number, a mediation case
 * and someone else's trajectory all look the same (404).
 */
@Service
class CoachingViews {

  record PersonView(String name, String email, String language, PayerKind payer) {}

  record SessionView(LocalDate heldOn, String form, BigDecimal hours) {}

  record TaskView(String name, String assignee, Date due) {}

  record DocumentView(String id, String type, int version, boolean current, String sha256, Instant createdAt) {}

  record CoachingView(String caseNumber, String status, String conflictType, String preferredForm, String coach,
      BigDecimal hourlyRate, Instant createdAt, List<String> stage, PersonView person, List<SessionView> sessions,
      BigDecimal hours, boolean adviceRecorded, String convertedTo, List<TaskView> openTasks,
      List<DocumentView> documents) {}

  private final StaffCaseReads reads;
  private final CoachingTrajectoryRepository trajectories;
  private final CoachingSessionRepository sessions;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final DocumentService documents;

  CoachingViews(StaffCaseReads reads, CoachingTrajectoryRepository trajectories,
      CoachingSessionRepository sessions, RuntimeService runtimeService, TaskService taskService,
      DocumentService documents) {
    this.reads = reads;
    this.trajectories = trajectories;
    this.sessions = sessions;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.documents = documents;
  }

  CoachingView forCurrentUser(String number) {
    return reads.read(number, ConflictCoachingProcess.KIND, this::view);
  }

  private CoachingView view(MediationCase trajectory) {
    String number = trajectory.getCaseNumber();
    CoachingTrajectory details = trajectories.findById(number).orElseThrow();
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(ConflictCoachingProcess.KEY).singleResult();
    List<String> stage = new ArrayList<>();
    List<TaskView> tasks = new ArrayList<>();
    if (instance != null) {
      collectStage(runtimeService.getActivityInstance(instance.getId()), stage);
      taskService.createTaskQuery().processInstanceId(instance.getId()).list()
          .forEach(task -> tasks.add(new TaskView(task.getName(), task.getAssignee(), task.getDueDate())));
    }
    Party person = trajectory.getParties().get(0);
    List<SessionView> held = sessions.findByCaseNumberOrderByHeldOnAscRecordedAtAsc(number).stream()
        .map(session -> new SessionView(session.getHeldOn(), session.getForm(), session.getHours()))
        .toList();
    BigDecimal hours = held.stream().map(SessionView::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new CoachingView(number, trajectory.getStatus().name(), trajectory.getConflictType(), details.getPreferredForm(),
        trajectory.getMediator(), trajectory.getHourlyRate(), trajectory.getCreatedAt(), stage,
        new PersonView(person.getName(), person.getEmail(), person.getLanguage(), person.getPayer()), held, hours,
        details.getAdvice() != null, details.getConvertedTo(), tasks,
        documents.ofCase(number).stream()
            .map(d -> new DocumentView(d.id().toString(), d.documentType(), d.version(), d.isCurrent(), d.sha256(),
                d.createdAt()))
            .toList());
  }

  private static void collectStage(ActivityInstance activity, List<String> names) {
    if (activity.getChildActivityInstances().length == 0 && activity.getActivityName() != null
        && !names.contains(activity.getActivityName())) {
      names.add(activity.getActivityName());
    }
    for (ActivityInstance child : activity.getChildActivityInstances()) {
      collectStage(child, names);
    }
  }
}
