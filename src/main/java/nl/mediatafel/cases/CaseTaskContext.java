package nl.mediatafel.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.mediatafel.i18n.MessagesConfiguration;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ProcessVariable;
import nl.mediatafel.security.StaffGroup;
import nl.mediatafel.security.StaffNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What staff see of a case on its tasks, set when a task is created (the engine publishes every task event to Spring,
 * in the transaction that creates the task):
 *
 * <ul>
 *   <li>on every task of a case, {@link CaseVariables#CASE_LABEL} ("MED-2026-0042 · Jansen / De Vries"), which every
 *       Tasklist filter shows with the task. It is local to the task because a mediator reads a task, never the
 *       process instance (no READ on it): the engine shows a task's own variables to whoever may read the task. The
 *       stages are processes of their own (docs/adr/0010), so the label comes from the case records by the business
 *       key, the same on every stage, and no model has to pass it on;</li>
 *   <li>on "Aanmelding beoordelen", what the triage form shows: the conflict as the request described it, the
 *       parties, the referrer, the safety signal, and the mediators to choose from (a select fed by
 *       {@link #MEDIATOR_OPTIONS}).</li>
 * </ul>
 *
 * All of them disappear with the task and never reach Camunda's history ({@link CaseTaskConfidentialVariables}): the
 * case file keeps them in our tables.
 */
@Component
class CaseTaskContext {

  static final ProcessVariable<String> TRIAGE_CONFLICT = ProcessVariable.of("triageConflict", String.class);
  static final ProcessVariable<String> TRIAGE_SUMMARY = ProcessVariable.of("triageSummary", String.class);
  static final ProcessVariable<String> TRIAGE_PARTIES = ProcessVariable.of("triageParties", String.class);
  static final ProcessVariable<String> TRIAGE_REFERRER = ProcessVariable.of("triageReferrer", String.class);
  static final ProcessVariable<String> TRIAGE_SAFETY = ProcessVariable.of("triageSafety", String.class);
  /** {@code [{"label": "Anna de Vries (anna)", "value": "anna"}, …]}: the members of the group mediators. */
  static final ProcessVariable<SpinJsonNode> MEDIATOR_OPTIONS = ProcessVariable.of("mediatorOptions",
      SpinJsonNode.class);

  /** The forms and the Tasklist are Dutch. */
  private static final Locale DUTCH = MessagesConfiguration.DUTCH;
  private static final int LABEL_NAMES = 3;
  private static final int LABEL_LENGTH = 120;

  private final CaseDirectory cases;
  private final IdentityService identityService;
  private final MessageSource messages;
  private final ObjectMapper json;

  CaseTaskContext(CaseDirectory cases, IdentityService identityService, MessageSource messages, ObjectMapper json) {
    this.cases = cases;
    this.identityService = identityService;
    this.messages = messages;
    this.json = json;
  }

  @EventListener
  public void onTaskEvent(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || execution == null
        || execution.getProcessBusinessKey() == null) {
      return;
    }
    cases.find(execution.getProcessBusinessKey()).ifPresent(mediationCase -> {
      List<Party> parties = cases.parties(mediationCase.getCaseNumber());
      CaseVariables.CASE_LABEL.setLocal(task, label(mediationCase.getCaseNumber(), parties));
      if (MediationCaseProcess.Elements.TRIAGE.equals(task.getTaskDefinitionKey())) {
        triageContext(task, mediationCase, parties);
      }
    });
  }

  private void triageContext(DelegateTask task, MediationCase mediationCase, List<Party> parties) {
    TRIAGE_CONFLICT.setLocal(task, text("triage.conflict", text("request.conflictType." + mediationCase.getConflictType()),
        text("request.escalation." + mediationCase.getEscalation())));
    TRIAGE_SUMMARY.setLocal(task, mediationCase.getSummary());
    List<String> lines = new ArrayList<>();
    lines.add(text("triage.parties.count", parties.size()));
    for (Party party : parties) {
      lines.add(text("triage.parties.party", party.getPosition(), party.getName(),
          text("request.language." + party.getLanguage()), text("request.payer." + party.getPayer()),
          party.isAbroad() ? text("triage.parties.abroad") : ""));
    }
    TRIAGE_PARTIES.setLocal(task, String.join("\n", lines));
    TRIAGE_REFERRER.setLocal(task, referrer(mediationCase));
    TRIAGE_SAFETY.setLocal(task, text(mediationCase.isSafetyConcern() ? "triage.safety.concern" : "triage.safety.none"));
    MEDIATOR_OPTIONS.setLocal(task, mediatorOptions());
  }

  private String referrer(MediationCase mediationCase) {
    if (mediationCase.getReferrerType() == null) {
      return text("triage.referrer.none");
    }
    String who = text("request.referrerType." + mediationCase.getReferrerType());
    String name = mediationCase.getReferrerName() == null ? "" : ": " + mediationCase.getReferrerName();
    String reference = mediationCase.getReferrerReference() == null ? ""
        : " " + text("triage.referrer.reference", mediationCase.getReferrerReference());
    return who + name + reference;
  }

  private SpinJsonNode mediatorOptions() {
    ArrayNode options = json.createArrayNode();
    for (User user : identityService.createUserQuery().memberOfGroup(StaffGroup.MEDIATORS.id())
        .orderByUserLastName().asc().list()) {
      options.addObject().put("label", StaffNames.fullName(user) + " (" + user.getId() + ")")
          .put("value", user.getId());
    }
    return Spin.JSON(options.toString());
  }

  private String text(String key, Object... arguments) {
    return messages.getMessage(key, arguments, key, DUTCH);
  }

  /** The case number and the parties' short names: the first {@value #LABEL_NAMES}, then how many more. */
  static String label(String caseNumber, List<Party> parties) {
    List<String> names = parties.stream().map(Party::getName).map(CaseTaskContext::shortName).toList();
    String shown = names.size() <= LABEL_NAMES ? String.join(" / ", names)
        : String.join(" / ", names.subList(0, LABEL_NAMES - 1)) + " +" + (names.size() - LABEL_NAMES + 1);
    String label = shown.isEmpty() ? caseNumber : caseNumber + " · " + shown;
    return label.length() <= LABEL_LENGTH ? label : label.substring(0, LABEL_LENGTH - 1) + "…";
  }

  /** A person's family name as the practice says it ("Jan de Vries" → "De Vries"); a single word stays as it is. */
  static String shortName(String name) {
    String[] words = name.trim().split("\\s+");
    if (words.length < 2) {
      return name.trim();
    }
    String rest = Arrays.stream(words, 1, words.length).collect(Collectors.joining(" "));
    return rest.substring(0, 1).toUpperCase(DUTCH) + rest.substring(1);
  }
}
