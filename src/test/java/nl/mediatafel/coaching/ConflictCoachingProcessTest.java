package nl.mediatafel.coaching;

import static nl.mediatafel.coaching.ConflictCoachingProcess.Elements.ASSESS_REQUEST;
import static nl.mediatafel.coaching.ConflictCoachingProcess.Elements.CLOSING_MAIL;
import static nl.mediatafel.coaching.ConflictCoachingProcess.Elements.COACH_MAIL;
import static nl.mediatafel.coaching.ConflictCoachingProcess.Elements.CONVERTED_MAIL;
import static nl.mediatafel.coaching.ConflictCoachingProcess.Elements.COST_STATEMENT;
import static nl.mediatafel.coaching.ConflictCoachingProcess.Elements.INTAKE_CONVERSATION;
import static nl.mediatafel.coaching.ConflictCoachingProcess.Elements.RECORD_ADVICE;
import static nl.mediatafel.coaching.ConflictCoachingProcess.Elements.RECORD_SESSION;
import static nl.mediatafel.coaching.ConflictCoachingProcess.Elements.REFERRAL_MAIL;
import static nl.mediatafel.coaching.ConflictCoachingProcess.Elements.WELCOME_MAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.mediatafel.cases.CaseStatus;
import nl.mediatafel.cases.MediationCase;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.cases.MediationCaseRepository;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.cases.PayerKind;
import nl.mediatafel.cases.ReferrerType;
import nl.mediatafel.documents.DocumentService;
import nl.mediatafel.documents.StoredDocument;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.PdfText;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.ReceivedMail;
import nl.mediatafel.platform.TestClock;
import nl.mediatafel.platform.TestMailServer;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scenarios of {@code processes/conflict-coaching.bpmn} on the real engine with the job executor off: every path
 * (referral, sessions and advice with the cost statement, conversion into a mediation request) from a request as
 * {@code POST /api/coaching} makes it, with the mails read back from the test SMTP server.
 */
@MediatafelTest
class ConflictCoachingProcessTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final String COACH = "anna";
  private static final String COACH_EMAIL = "anna@mediatafel.example";
  private static final String PERSON_EMAIL = "petra@example.nl";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired CoachingRequests requests;
  @Autowired MediationCaseRepository cases;
  @Autowired PartyRepository parties;
  @Autowired CoachingTrajectoryRepository trajectories;
  @Autowired CoachingSessionRepository sessions;
  @Autowired DocumentService documents;

  private final List<String> started = new ArrayList<>();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    purgeMail();
  }

  /** Nothing of ours keeps waiting in the shared engine. */
  @AfterEach
  void removeOurInstances() {
    for (String businessKey : started) {
      runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
          .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "end of test", true, true));
    }
  }

  @Test
  void theSecretariatRefersTheRequestElsewhereWithAReason() throws Exception {
    ProcessInstance instance = request();
    String number = instance.getBusinessKey();
    Task assessment = task(instance, ASSESS_REQUEST);
    assertThat(assessment).hasCandidateGroup("secretariat");
    assertThat(formRef(assessment)).isEqualTo("coaching-assessment");
    assertThat(assessment.getDueDate()).isEqualTo(ConflictCoachingProcess.ASSESSMENT_DEADLINE.from(runtimeService,
        instance.getId()).orElse(null));

    taskService.complete(assessment.getId(), ProcessVariable.map(
        ConflictCoachingProcess.DECISION.with(ConflictCoachingProcess.REFER),
        ConflictCoachingProcess.REFERRAL_REASON.with("Een gesprek met beide buren past beter: vraag mediation aan.")));
    assertThat(instance).isWaitingAt(REFERRAL_MAIL);
    ProcessJobs.executeAt(managementService, instance, REFERRAL_MAIL);

    assertThat(instance).isEnded().hasPassed(ConflictCoachingProcess.Elements.REFERRED)
        .hasNotPassed(ConflictCoachingProcess.Elements.ASSIGN_COACH, WELCOME_MAIL);
    assertThat(cases.findById(number).orElseThrow().getStatus().name()).isEqualTo(ConflictCoachingProcess.REFERRED);
    ReceivedMail mail = single(mails(number));
    assertThat(mail.to()).isEqualTo(PERSON_EMAIL);
    assertThat(mail.subject()).isEqualTo("Uw aanvraag voor conflictcoaching (" + number + ")");
    assertThat(mail.text()).contains("Een gesprek met beide buren past beter: vraag mediation aan.");
  }

  @Test
  void twoSessionsThenAdviceEndWithTheCostStatementOfAllHoursMailedToThePerson() throws Exception {
    ProcessInstance instance = accepted(95.0);
    String number = instance.getBusinessKey();
    MediationCase trajectory = cases.findById(number).orElseThrow();
    assertThat(trajectory.getMediator()).isEqualTo(COACH);
    assertThat(trajectory.getHourlyRate()).isEqualByComparingTo("95");
    assertThat(trajectory.getStatus()).isEqualTo(CaseStatus.INTAKE);

    assertThat(instance).isWaitingAt(WELCOME_MAIL);
    ProcessJobs.executeAt(managementService, instance, WELCOME_MAIL);
    ReceivedMail welcome = single(mails(number));
    assertThat(welcome.to()).isEqualTo(PERSON_EMAIL);
    assertThat(welcome.subject()).isEqualTo("Welkom bij conflictcoaching (" + number + ")");
    assertThat(welcome.text()).contains("Uw coach is Anna de Vries.");
    purgeMail();
    ProcessJobs.executeAt(managementService, instance, COACH_MAIL);
    ReceivedMail coachMail = single(mails(number));
    assertThat(coachMail.to()).isEqualTo(COACH_EMAIL);
    assertThat(coachMail.text()).contains("/camunda/app/tasklist/");

    Task intake = task(instance, INTAKE_CONVERSATION);
    assertThat(intake.getName()).isEqualTo("Kort intakegesprek voeren");
    assertThat(intake).hasCandidateUser(COACH);
    assertCoachOnly(intake);
    assertThat(formRef(intake)).isEqualTo("coaching-intake");
    assertThat(intake.getDueDate()).isEqualTo(ConflictCoachingProcess.INTAKE_DEADLINE.from(runtimeService,
        instance.getId()).orElse(null));
    taskService.complete(intake.getId(), ProcessVariable.map(ConflictCoachingProcess.INTAKE_CHANNEL.with("VIDEO"),
        ConflictCoachingProcess.INTAKE_EXPLAINED.with(true)));

    Task first = task(instance, RECORD_SESSION);
    assertThat(first).hasCandidateUser(COACH);
    assertCoachOnly(first);
    assertThat(formRef(first)).isEqualTo("coaching-session");
    assertThat(first.getDueDate()).isEqualTo(ConflictCoachingProcess.SESSION_DEADLINE.from(runtimeService,
        instance.getId()).orElse(null));
    taskService.complete(first.getId(), session(daysAgo(7), "ONLINE", 1.5, ConflictCoachingProcess.ANOTHER_SESSION));
    assertThat(runtimeService.getVariables(instance.getId()))
        .as("date, form and hours stay with the task; the total is what the cost statement reads")
        .doesNotContainKeys(ConflictCoachingProcess.SESSION_HOURS.name(), ConflictCoachingProcess.SESSION_DATE.name(),
            ConflictCoachingProcess.SESSION_FORM.name())
        .containsEntry(ConflictCoachingProcess.HOURS.name(), 1.5);

    Task second = task(instance, RECORD_SESSION);
    assertThat(second.getId()).isNotEqualTo(first.getId());
    taskService.complete(second.getId(), session(daysAgo(1), "IN_PERSON", 2.0, ConflictCoachingProcess.ADVICE));
    assertThat(sessions.findByCaseNumberOrderByHeldOnAscRecordedAtAsc(number))
        .extracting(CoachingSession::getHeldOn, CoachingSession::getForm, s -> s.getHours().stripTrailingZeros())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(daysAgo(7), "ONLINE", new BigDecimal("1.5")),
            org.assertj.core.groups.Tuple.tuple(daysAgo(1), "IN_PERSON", new BigDecimal("2")));

    Task advice = task(instance, RECORD_ADVICE);
    assertThat(advice.getName()).isEqualTo("Advies vastleggen");
    assertThat(advice).hasCandidateUser(COACH);
    assertThat(formRef(advice)).isEqualTo("coaching-advice");
    assertThat(advice.getDueDate()).isNotNull();
    String adviceText = "Spreek de buurman op een rustig moment aan en benoem wat u zelf nodig heeft.";
    taskService.complete(advice.getId(), ProcessVariable.map(ConflictCoachingProcess.ADVICE_TEXT.with(adviceText)));
    assertThat(trajectories.findById(number).orElseThrow().getAdvice()).isEqualTo(adviceText);
    assertThat(runtimeService.getVariables(instance.getId()))
        .as("the advice is in the file, not a process variable")
        .doesNotContainKey(ConflictCoachingProcess.ADVICE_TEXT.name());
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(ConflictCoachingProcess.ADVICE_TEXT.name()).includeDeleted().list())
        .allSatisfy(variable -> assertThat(variable.getActivityInstanceId()).isNotEqualTo(instance.getId()));

    assertThat(instance).isWaitingAt(COST_STATEMENT);
    ProcessJobs.executeAt(managementService, instance, COST_STATEMENT);
    StoredDocument costStatement = documents.current(number, "COST_STATEMENT").orElseThrow();
    assertThat(PdfText.of(costStatement.content()))
        .contains("Kostenoverzicht", number, "Anna de Vries", "Petra Verbeek")
        .contains("Begeleiding door de mediator (uren) 3,50 € 95,00 € 332,50")
        .contains("Totaal exclusief btw € 332,50")
        .contains("Btw 21% € 69,83")
        .contains("Totaal inclusief btw € 402,33");

    purgeMail();
    ProcessJobs.executeAt(managementService, instance, CLOSING_MAIL);
    ReceivedMail closing = single(mails(number));
    assertThat(closing.to()).isEqualTo(PERSON_EMAIL);
    assertThat(closing.subject()).isEqualTo("Uw coachingtraject is afgerond (" + number + ")");
    assertThat(closing.attachmentNames()).containsExactly(costStatement.fileName());
    assertThat(closing.attachmentTypes()).containsExactly("application/pdf");
    assertThat(closing.text()).doesNotContain(adviceText);

    assertThat(instance).isEnded().hasPassed(ConflictCoachingProcess.Elements.CLOSED)
        .hasNotPassed(ConflictCoachingProcess.Elements.CONVERT);
    assertThat(cases.findById(number).orElseThrow().getStatus().name()).isEqualTo(ConflictCoachingProcess.CLOSED);
    assertThat(cases.findById(number).orElseThrow().getRetainUntil()).as("kept five years, like a mediation dossier")
        .isEqualTo(TestClock.today().plusYears(5));
  }

  @Test
  void theCoachConvertsTheCoachingIntoAMediationRequestWithBothParties() throws Exception {
    ProcessInstance instance = inSessions();
    String number = instance.getBusinessKey();
    long mediationsBefore = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(MediationCaseProcess.KEY).count();

    Map<String, Object> convert = session(daysAgo(2), "ONLINE", 1.0, ConflictCoachingProcess.CONVERT);
    convert.putAll(otherParty("Henk de Buurman", "henk@example.nl"));
    taskService.complete(task(instance, RECORD_SESSION).getId(), convert);

    String mediationNumber = ConflictCoachingProcess.MEDIATION_CASE_NUMBER.required(runtimeService, instance.getId());
    assertThat(mediationNumber).matches("MED-\\d{4}-\\d{4}");
    started.add(mediationNumber);
    CoachingTrajectory trajectory = trajectories.findById(number).orElseThrow();
    assertThat(trajectory.getConvertedTo()).isEqualTo(mediationNumber);
    assertThat(trajectory.getConvertedAt()).isNotNull();
    assertThat(cases.findById(number).orElseThrow().getStatus().name()).isEqualTo(ConflictCoachingProcess.CONVERTED);

    MediationCase mediation = cases.findById(mediationNumber).orElseThrow();
    MediationCase coaching = cases.findById(number).orElseThrow();
    assertThat(mediation.getKind()).isEqualTo("MEDIATION");
    assertThat(mediation.getConflictType()).isEqualTo(coaching.getConflictType());
    assertThat(mediation.getSummary()).isEqualTo(coaching.getSummary());
    assertThat(mediation.getEscalation()).isEqualTo("MEDIUM");
    assertThat(mediation.getPreferredRoute()).as("online coaching: video preferred").isEqualTo("ONLINE_VIDEO");
    assertThat(mediation.getReferrerType()).isEqualTo(ReferrerType.SELF);
    assertThat(mediation.getReferrerReference()).isEqualTo(number);
    assertThat(parties.findByMediationCaseCaseNumberOrderByPosition(mediationNumber))
        .extracting(Party::getName, Party::getEmail, Party::getLanguage, Party::getPayer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Petra Verbeek", PERSON_EMAIL, "nl", PayerKind.INSURER),
            org.assertj.core.groups.Tuple.tuple("Henk de Buurman", "henk@example.nl", "en", PayerKind.SELF));

    ProcessInstance mediationInstance = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(mediationNumber).processDefinitionKey(MediationCaseProcess.KEY).singleResult();
    assertThat(mediationInstance).as("the mediation starts as usual, at triage").isNotNull();
    assertThat(mediationInstance).isWaitingAt(MediationCaseProcess.Elements.TRIAGE);
    assertThat(MediationCaseProcess.PARTY_COUNT.from(runtimeService, mediationInstance.getId()).orElse(null))
        .isEqualTo(2);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MediationCaseProcess.KEY).count())
        .isEqualTo(mediationsBefore + 1);

    ProcessJobs.executeAt(managementService, instance, CONVERTED_MAIL);
    ReceivedMail mail = single(mails(number));
    assertThat(mail.to()).isEqualTo(PERSON_EMAIL);
    assertThat(mail.subject()).isEqualTo("Uw coaching gaat verder als mediation (" + number + ")");
    assertThat(mail.text()).contains("dossiernummer " + mediationNumber);
    assertThat(instance).isEnded().hasPassed(ConflictCoachingProcess.Elements.CONVERTED)
        .hasNotPassed(RECORD_ADVICE, COST_STATEMENT);
    assertThat(sessions.findByCaseNumberOrderByHeldOnAscRecordedAtAsc(number)).hasSize(1);
  }

  @Test
  void aConversionWithAWrongOtherPartyIsRefusedInTheTaskAndMakesNoCase() {
    ProcessInstance instance = inSessions();
    long casesBefore = cases.count();
    Task task = task(instance, RECORD_SESSION);

    Map<String, Object> sameAddress = session(daysAgo(2), "ONLINE", 1.0, ConflictCoachingProcess.CONVERT);
    sameAddress.putAll(otherParty("Henk de Buurman", "Petra@Example.nl"));
    assertThatThrownBy(() -> taskService.complete(task.getId(), sameAddress))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("e-mailadres andere partij is het adres van Petra Verbeek zelf");

    Map<String, Object> incomplete = session(daysAgo(2), "ONLINE", 1.0, ConflictCoachingProcess.CONVERT);
    incomplete.putAll(otherParty(" ", "henk-at-example"));
    incomplete.remove(ConflictCoachingProcess.ESCALATION.name());
    assertThatThrownBy(() -> taskService.complete(task.getId(), incomplete))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("escalatie is verplicht")
        .hasMessageContaining("e-mailadres andere partij is geen geldig e-mailadres")
        .hasMessageContaining("naam andere partij is verplicht");

    assertThat(task(instance, RECORD_SESSION).getId()).as("the task stays open").isEqualTo(task.getId());
    assertThat(cases.count()).isEqualTo(casesBefore);
    assertThat(sessions.findByCaseNumberOrderByHeldOnAscRecordedAtAsc(instance.getBusinessKey()))
        .as("nothing of the refused completion is kept").isEmpty();
  }

  @Test
  void aCoachWhoIsNoMediatorAndASessionInTheFutureAreRefused() {
    ProcessInstance instance = request();
    Task assessment = task(instance, ASSESS_REQUEST);
    assertThatThrownBy(() -> taskService.complete(assessment.getId(), ProcessVariable.map(
        ConflictCoachingProcess.DECISION.with(ConflictCoachingProcess.ACCEPT),
        CaseVariables.MEDIATOR.with("daan"),
        ConflictCoachingProcess.HOURLY_RATE.with(95.0))))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Coach 'daan' is geen gebruiker in de groep mediators");
    assertThat(instance).isWaitingAt(ASSESS_REQUEST);
    assertThat(cases.findById(instance.getBusinessKey()).orElseThrow().getMediator()).isNull();

    ProcessInstance coaching = inSessions();
    Task task = task(coaching, RECORD_SESSION);
    assertThatThrownBy(() -> taskService.complete(task.getId(),
        session(TestClock.today().plusDays(3), "ONLINE", 1.0, ConflictCoachingProcess.ADVICE)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("ligt in de toekomst");
    assertThatThrownBy(() -> taskService.complete(task.getId(),
        session(daysAgo(1), "ONLINE", 30, ConflictCoachingProcess.ADVICE)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("tussen 0 en 24");
    assertThat(coaching).isWaitingAt(RECORD_SESSION);
  }

  @Test
  void theApiClassAndTheDeployedModelAgreeAndEveryStepFollowsTheConventions() throws Exception {
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ConflictCoachingProcess.KEY).latestVersion().singleResult();
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(1825);
    BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
    Set<String> apiIds = new HashSet<>();
    for (Field field : ConflictCoachingProcess.Elements.class.getFields()) {
      String id = (String) field.get(null);
      apiIds.add(id);
      assertThat(model.<FlowNode>getModelElementById(id)).as("element %s = %s", field.getName(), id)
          .isInstanceOf(FlowNode.class);
    }
    assertThat(model.getModelElementsByType(FlowNode.class)).extracting(FlowNode::getId)
        .as("every step but a merging gateway has a name in the API class")
        .allSatisfy(id -> assertThat(apiIds.contains(id) || id.endsWith("Merge")).as(id).isTrue());

    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getDocumentations()).as("documentation of %s", task.getId()).isNotEmpty();
      assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
      assertThat(Path.of("forms", task.getCamundaFormRef() + ".form")).as("form of %s", task.getId()).exists();
      assertThat(task.getCamundaDueDate()).as("due date of %s", task.getId()).matches("\\$\\{\\w+Deadline}");
      boolean secretariat = "secretariat".equals(task.getCamundaCandidateGroups());
      boolean coach = "${mediator}".equals(task.getCamundaCandidateUsers()) && task.getCamundaCandidateGroups() == null;
      assertThat(secretariat || coach).as("candidates of %s", task.getId()).isTrue();
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      String delegate = task.getCamundaDelegateExpression();
      assertThat(delegate).as("delegate of %s", task.getId()).startsWith("${");
      if (delegate.equals("${sendEmail}") || delegate.equals("${generateDocument}")) {
        assertThat(task.isCamundaAsyncBefore()).as("%s has an outside side effect", task.getId()).isTrue();
      }
    }
  }

  // --- helpers ---

  private ProcessInstance request() {
    CoachingRequest request = new CoachingRequest("NEIGHBOURS", "Ruzie met de buren over de schutting.",
        new CoachingRequest.Person("Petra Verbeek", PERSON_EMAIL, "nl", "INSURER"), "ONLINE");
    String number = requests.register(request, null).trajectory().getCaseNumber();
    started.add(number);
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(ConflictCoachingProcess.KEY).singleResult();
  }

  private ProcessInstance accepted(double hourlyRate) {
    ProcessInstance instance = request();
    taskService.complete(task(instance, ASSESS_REQUEST).getId(), ProcessVariable.map(
        ConflictCoachingProcess.DECISION.with(ConflictCoachingProcess.ACCEPT),
        CaseVariables.MEDIATOR.with(COACH),
        ConflictCoachingProcess.HOURLY_RATE.with(hourlyRate)));
    return instance;
  }

  /** Accepted, welcomed, intake held: the first session is to be recorded. */
  private ProcessInstance inSessions() {
    ProcessInstance instance = accepted(95.0);
    ProcessJobs.executeAt(managementService, instance, WELCOME_MAIL);
    ProcessJobs.executeAt(managementService, instance, COACH_MAIL);
    taskService.complete(task(instance, INTAKE_CONVERSATION).getId(), ProcessVariable.map(
        ConflictCoachingProcess.INTAKE_CHANNEL.with("PHONE"), ConflictCoachingProcess.INTAKE_EXPLAINED.with(true)));
    purgeMail();
    return instance;
  }

  private static void purgeMail() {
    TestMailServer.purge();
  }

  private static Map<String, Object> session(LocalDate date, String form, double hours, String nextStep) {
    Map<String, Object> variables = new HashMap<>();
    ConflictCoachingProcess.SESSION_DATE.putIn(variables, date.toString());
    ConflictCoachingProcess.SESSION_FORM.putIn(variables, form);
    ConflictCoachingProcess.SESSION_HOURS.putIn(variables, hours);
    ConflictCoachingProcess.NEXT_STEP_CHOICE.putIn(variables, nextStep);
    return variables;
  }

  private static Map<String, Object> otherParty(String name, String email) {
    Map<String, Object> variables = new HashMap<>();
    ConflictCoachingProcess.OTHER_PARTY_NAME.putIn(variables, name);
    ConflictCoachingProcess.OTHER_PARTY_EMAIL.putIn(variables, email);
    ConflictCoachingProcess.OTHER_PARTY_LANGUAGE.putIn(variables, "en");
    ConflictCoachingProcess.OTHER_PARTY_PAYER.putIn(variables, "SELF");
    ConflictCoachingProcess.ESCALATION.putIn(variables, "MEDIUM");
    ConflictCoachingProcess.SAFETY_CONCERN.putIn(variables, false);
    return variables;
  }

  private static LocalDate daysAgo(int days) {
    return TestClock.today().minusDays(days);
  }

  private Task task(ProcessInstance instance, String activityId) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId)
        .singleResult();
  }

  /** Only the coach may do it: one candidate user, no candidate group. */
  private void assertCoachOnly(Task task) {
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .filteredOn(link -> "candidate".equals(link.getType()))
        .singleElement().satisfies(link -> {
          assertThat(link.getUserId()).isEqualTo(COACH);
          assertThat(link.getGroupId()).isNull();
        });
    assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateUser("bram").count()).isZero();
  }

  private String formRef(Task task) {
    return engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
        .getModelElementById(task.getTaskDefinitionKey())
        .getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
  }

  private static List<MimeMessage> mails(String number) {
    return Arrays.stream(TestMailServer.received())
        .filter(mail -> {
          try {
            return mail.getSubject().contains(number);
          } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
          }
        })
        .toList();
  }

  private static ReceivedMail single(List<MimeMessage> mails) {
    assertThat(mails).hasSize(1);
    return ReceivedMail.of(mails.get(0));
  }
}
