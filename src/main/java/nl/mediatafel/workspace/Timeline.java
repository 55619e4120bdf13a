package nl.mediatafel.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.mediatafel.audit.Actors;
import nl.mediatafel.audit.CaseEvent;
import nl.mediatafel.audit.CaseEvents;
import nl.mediatafel.mail.MailDeliveryProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.EntityTypes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A case's timeline, newest first: the steps of its processes (Camunda history: activities with their names from the
 * models, task completions with the user, incidents) merged with the case's own events ({@code case_event}). Each
 * source is read with one bounded query for the newest {@code limit + 1} entries (the processes of a case found by
 * their business key, the case number), so the timeline never loads a case's whole history; the extra entry tells
 * whether there is more.
 */
@Component
class Timeline {

  /** One line: when, who (a staff user id, a party's name, or the system), what. */
  record Entry(Instant at, String actor, String what, String source) {}

  /** The newest entries and whether older ones exist. */
  record Result(List<Entry> entries, boolean more) {}

  static final String SYSTEM_SOURCE = "process";
  /** Activity types that are no step of their own for a reader: routing, and the task itself (read as a task). */
  private static final List<String> SKIPPED_TYPES = List.of("userTask", "multiInstanceBody", "exclusiveGateway",
      "parallelGateway", "inclusiveGateway", "eventBasedGateway");
  private static final int MAX_INCIDENT_INSTANCES = 50;

  private final HistoryService history;
  private final ManagementService management;
  private final CaseEvents events;
  private final MessageSource messages;

  Timeline(HistoryService history, ManagementService management, CaseEvents events, MessageSource messages) {
    this.history = history;
    this.management = management;
    this.events = events;
    this.messages = messages;
  }

  /**
   * @param partyNames the case's parties by id, to name a party's own events
   * @param limit the most entries to show
   */
  Result of(String caseNumber, Map<UUID, String> partyNames, int limit, Locale locale) {
    int wanted = limit + 1;
    List<Entry> entries = new ArrayList<>();
    String system = text("dossier.actor.system", locale);
    for (HistoricActivityInstance activity : activities(caseNumber, wanted)) {
      entries.add(new Entry(activity.getStartTime().toInstant(), system,
          text("dossier.timeline.activity", locale, activity.getActivityName()), SYSTEM_SOURCE));
    }
    List<HistoricTaskInstance> finished = history.createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(caseNumber).finished().orderByHistoricTaskInstanceEndTime().desc()
        .listPage(0, wanted);
    Map<String, String> completedBy = completedBy(finished, wanted);
    for (HistoricTaskInstance task : finished) {
      boolean completed = "completed".equals(task.getDeleteReason());
      String user = completedBy.getOrDefault(task.getId(), task.getAssignee());
      entries.add(new Entry(task.getEndTime().toInstant(), completed && user != null ? user : system,
          text(completed ? "dossier.timeline.task.completed" : "dossier.timeline.task.ended", locale,
              task.getName()), "task"));
    }
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber)
        .unfinished().orderByHistoricActivityInstanceStartTime().desc().listPage(0, wanted)) {
      entries.add(new Entry(task.getStartTime().toInstant(), system,
          text("dossier.timeline.task.open", locale, task.getName(),
              task.getAssignee() == null ? "–" : task.getAssignee()), "task"));
    }
    for (HistoricIncident incident : incidents(caseNumber, wanted)) {
      entries.add(new Entry(incident.getCreateTime().toInstant(), system,
          text(incident.isResolved() ? "dossier.timeline.incident.resolved" : "dossier.timeline.incident", locale,
              incident.getIncidentType(), incident.getActivityId()), "incident"));
    }
    for (CaseEvent event : events.newest(caseNumber, wanted)) {
      entries.add(new Entry(event.occurredAt(), actor(event.actor(), partyNames, locale),
          messages.getMessage(event.kind().messageKey(), new Object[] {reference(event, partyNames)}, locale),
          "event"));
    }
    entries.sort(Comparator.comparing(Entry::at).reversed());
    boolean more = entries.size() > limit;
    return new Result(more ? List.copyOf(entries.subList(0, limit)) : List.copyOf(entries), more);
  }

  /**
   * The newest activity instances of every process of the case (its business key), mail deliveries left out: one
   * native query on the history tables, joined on the indexed process instance id.
   */
  private List<HistoricActivityInstance> activities(String caseNumber, int wanted) {
    String activities = management.getTableName(HistoricActivityInstance.class);
    String processes = management.getTableName(HistoricProcessInstance.class);
    String skipped = String.join(", ", SKIPPED_TYPES.stream().map(type -> "'" + type + "'").toList());
    return history.createNativeHistoricActivityInstanceQuery()
        .sql("SELECT A.* FROM " + activities + " A WHERE A.PROC_INST_ID_ IN (SELECT P.PROC_INST_ID_ FROM "
            + processes + " P WHERE P.BUSINESS_KEY_ = #{caseNumber} AND P.PROC_DEF_KEY_ <> #{mail})"
            + " AND A.ACT_NAME_ IS NOT NULL AND A.ACT_TYPE_ NOT IN (" + skipped + ")"
            + " ORDER BY A.START_TIME_ DESC, A.SEQUENCE_COUNTER_ DESC")
        .parameter("caseNumber", caseNumber).parameter("mail", MailDeliveryProcess.KEY)
        .listPage(0, wanted);
  }

  /**
   * Who completed each of these tasks, from the engine's user operation log (a task completed without being claimed
   * has no assignee): one query per process instance among them, each bounded.
   */
  private Map<String, String> completedBy(List<HistoricTaskInstance> tasks, int wanted) {
    Map<String, String> users = new java.util.HashMap<>();
    for (String processInstance : tasks.stream().map(HistoricTaskInstance::getProcessInstanceId).distinct().toList()) {
      for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(processInstance)
          .entityType(EntityTypes.TASK).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
          .orderByTimestamp().desc().listPage(0, 4 * wanted)) {
        if (entry.getTaskId() != null && entry.getUserId() != null) {
          users.putIfAbsent(entry.getTaskId(), entry.getUserId());
        }
      }
    }
    return users;
  }

  /** The incidents of the case's processes that had any (mail deliveries included: a mail server down). */
  private List<HistoricIncident> incidents(String caseNumber, int wanted) {
    List<HistoricIncident> incidents = new ArrayList<>();
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).withIncidents().listPage(0, MAX_INCIDENT_INSTANCES)) {
      incidents.addAll(history.createHistoricIncidentQuery().processInstanceId(instance.getId())
          .orderByCreateTime().desc().listPage(0, wanted));
    }
    return incidents;
  }

  private String actor(String actor, Map<UUID, String> partyNames, Locale locale) {
    if (Actors.SYSTEM.equals(actor)) {
      return text("dossier.actor.system", locale);
    }
    return Actors.partyOf(actor).map(party -> text(Actors.isAdvisor(actor) ? "dossier.actor.advisor"
        : "dossier.actor.party", locale, partyNames.getOrDefault(party, "?"))).orElse(actor);
  }

  /** The reference as a reader reads it: a party id becomes the party's name. */
  private static String reference(CaseEvent event, Map<UUID, String> partyNames) {
    if (event.reference() == null) {
      return "";
    }
    try {
      return partyNames.getOrDefault(UUID.fromString(event.reference()), event.reference());
    } catch (IllegalArgumentException e) {
      return event.reference();
    }
  }

  private String text(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }
}
