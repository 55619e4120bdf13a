package nl.mediatafel.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.mediatafel.documents.DocumentService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * What staff see of a case through the API: status, stage, route, parties, deadlines, open tasks and documents (type,
 * version, hash). Never the content of intakes, documents or the forum. The secretariat and administrators see every case; a mediator only their own;
 * others none. An unknown case, a coaching trajectory (same table, {@code COA-} numbers) and a case one may not
 * see look the same (404), so case numbers cannot be probed.
 */
@Service
class CaseViews {

  record PartyView(String name, String email, String language, boolean abroad, PayerKind payer, String advisorName,
      boolean withdrawn) {}

  record TaskView(String name, String assignee, Date due) {}

  /** A document's identity, not its content. */
  record DocumentView(String id, String type, int version, boolean current, String sha256, Instant createdAt) {}

  record CaseView(String caseNumber, CaseStatus status, String conflictType, String escalation,
      String preferredRoute, Route route, String mediator, Instant createdAt, List<String> stage, List<PartyView> parties,
      Map<String, Date> deadlines, List<TaskView> openTasks, List<DocumentView> documents) {}

  private final StaffCaseReads reads;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final DocumentService documents;

  CaseViews(StaffCaseReads reads, RuntimeService runtimeService, TaskService taskService,
      DocumentService documents) {
    this.reads = reads;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.documents = documents;
  }

  CaseView forCurrentUser(String caseNumber) {
    return reads.read(caseNumber, MediationCaseProcess.KIND, this::view);
  }

  private CaseView view(MediationCase mediationCase) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(mediationCase.getCaseNumber())
        .processDefinitionKey(MediationCaseProcess.KEY).singleResult();
    List<String> stage = new ArrayList<>();
    Map<String, Date> deadlines = new TreeMap<>();
    List<TaskView> tasks = new ArrayList<>();
    if (instance != null) {
      collectStage(runtimeService.getActivityInstance(instance.getId()), stage);
      runtimeService.getVariables(instance.getId()).forEach((name, value) -> {
        if (value instanceof Date date && name.endsWith("Deadline")) {
          deadlines.put(name, date);
        }
      });
      // the open tasks of the case and of the stages it called (same business key)
      for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(mediationCase.getCaseNumber())
          .list()) {
        tasks.add(new TaskView(task.getName(), task.getAssignee(), task.getDueDate()));
      }
    }
    List<PartyView> parties = mediationCase.getParties().stream()
        .map(p -> new PartyView(p.getName(), p.getEmail(), p.getLanguage(), p.isAbroad(), p.getPayer(),
            p.getAdvisorName(), !p.isActive()))
        .toList();
    return new CaseView(mediationCase.getCaseNumber(), mediationCase.getStatus(), mediationCase.getConflictType(),
        mediationCase.getEscalation(), mediationCase.getPreferredRoute(), mediationCase.getRoute(),
        mediationCase.getMediator(), mediationCase.getCreatedAt(), stage, parties, deadlines, tasks,
        documents.ofCase(mediationCase.getCaseNumber()).stream()
            .map(d -> new DocumentView(d.id().toString(), d.documentType(), d.version(), d.isCurrent(), d.sha256(),
                d.createdAt()))
            .toList());
  }

  private static void collectStage(org.camunda.bpm.engine.runtime.ActivityInstance activity, List<String> names) {
    if (activity.getChildActivityInstances().length == 0 && activity.getActivityName() != null
        && !names.contains(activity.getActivityName())) {
      names.add(activity.getActivityName());
    }
    for (var child : activity.getChildActivityInstances()) {
      collectStage(child, names);
    }
  }
}
