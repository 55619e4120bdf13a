package nl.mediatafel.cases;

import static nl.mediatafel.cases.MediationAgreementProcess.Elements.CAN_START_MAIL;
import static nl.mediatafel.cases.MediationAgreementProcess.Elements.MAKE_AGREEMENT;
import static nl.mediatafel.cases.MediationAgreementProcess.Elements.REVIEW_AGREEMENT;
import static nl.mediatafel.cases.MediationCaseProcess.Elements.REFERRAL_MAIL;
import static nl.mediatafel.cases.MediationCaseProcess.Elements.TERMINATED;
import static nl.mediatafel.cases.MediationCaseProcess.Elements.TRIAGE;
import static nl.mediatafel.cases.TerminationProcess.Elements.RECORD_TERMINATION;
import static nl.mediatafel.cases.TerminationProcess.Elements.TERMINATION_MAIL;
import static nl.mediatafel.intake.IntakeProcess.Elements.INTAKE_CONVERSATION;
import static nl.mediatafel.intake.IntakeProcess.Elements.INTAKE_DEADLINE_TIMER;
import static nl.mediatafel.intake.IntakeProcess.Elements.INTAKE_FOLLOW_UP;
import static nl.mediatafel.intake.IntakeProcess.Elements.INTAKE_INVITATION;
import static nl.mediatafel.intake.IntakeProcess.Elements.INTAKE_REMINDER_MAIL;
import static nl.mediatafel.intake.IntakeProcess.Elements.INTAKE_REMINDER_TIMER;
import static nl.mediatafel.intake.IntakeProcess.Elements.WAIT_FOR_INTAKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.mediatafel.documents.DocumentService;
import nl.mediatafel.documents.StoredDocument;
import nl.mediatafel.intake.IntakeProcess;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.PdfText;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.ReceivedMail;
import nl.mediatafel.platform.TestClock;
import nl.mediatafel.platform.TestMailServer;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ProcessVariable;
import nl.mediatafel.sessions.FaceToFaceProcess;
import nl.mediatafel.sessions.SessionProcess;
import nl.mediatafel.settlement.SettlementProcess;
import nl.mediatafel.signing.SigningProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scenarios of {@code processes/mediation-case.bpmn} from request to the signed mediation agreement,
     on the real engine with the
 * job executor off: every job and timer is fired by the test, every mail arrives at the test SMTP server.
 */
@MediatafelTest
class MediationCaseProcessTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired CaseRequests requests;
  @Autowired MediationCaseRepository cases;
  @Autowired PartyRepository parties;
  @Autowired DocumentService documents;
  @Autowired org.camunda.bpm.engine.HistoryService historyService;
  @Autowired nl.mediatafel.signing.SignatureService signatures;

  @BeforeEach
  void setUp() throws Exception {
    BpmnAwareTests.init(engine);
    TestMailServer.purge();
  }

  @Test
  void aCaseThatDoesNotSuitMediationIsReferredWithTheReason() {
    ProcessInstance instance = request(2);
    complete(TRIAGE, instance, ProcessVariable.map(MediationCaseProcess.TRIAGE_DECISION.with("REFER"),
        MediationCaseProcess.SUITABILITY_JUDGEMENT.with("Strafrechtelijke kwestie"),
        MediationCaseProcess.REFERRAL_REASON.with("Wij verwijzen u naar het Juridisch Loket.")));

    executeJobs(instance, REFERRAL_MAIL);

    assertThat(instance).isEnded().hasPassed(MediationCaseProcess.Elements.REFERRED);
    assertThat(cases.findById(instance.getBusinessKey()).orElseThrow().getStatus()).isEqualTo(CaseStatus.REFERRED);
    assertThat(received()).hasSize(2)
        .allSatisfy(mail -> assertThat(mail.text()).contains("Wij verwijzen u naar het Juridisch Loket."));
  }

  @Test
  void happyPathIntakesThenTheMediatorHearsItCanStartAndEveryoneSignsTheAgreement() throws Exception {
    ProcessInstance instance = request(2);
    accept(instance, "anna");

    assertThat(cases.findById(instance.getBusinessKey()).orElseThrow())
        .extracting(MediationCase::getStatus, MediationCase::getMediator, MediationCase::getRoute)
        .containsExactly(CaseStatus.INTAKE, "anna", Route.ONLINE_VIDEO);
    executeJobs(instance, INTAKE_INVITATION);
    assertThat(received()).extracting(ReceivedMail::subject)
        .allMatch(subject -> subject.contains(instance.getBusinessKey()));
    assertThat(received()).hasSize(2);
    assertThat(waiting(instance)).hasSize(2);

    for (Party party : partiesOf(instance)) {
      submitIntake(instance, party);
    }
    List<Task> conversations = tasks(instance, INTAKE_CONVERSATION);
    assertThat(conversations).hasSize(2);
    assertThat(conversations).allSatisfy(task -> {
      assertThat(task).hasCandidateUser("anna");
      assertThat(task.getDueDate()).isAfter(Date.from(TestClock.now()));
    });
    assertThat(conversations).extracting(task -> IntakeProcess.PARTY_NAME.from(taskService, task.getId()).orElse(null))
        .as("the form says whom the conversation is with").containsExactlyInAnyOrder("Partij 1", "Partij 2");
    conversations.forEach(task -> taskService.complete(task.getId(),
        ProcessVariable.map(IntakeProcess.CONVERSATION_CHANNEL.with("VIDEO"),
            IntakeProcess.ONLINE_EXPLAINED.with(true))));

    TestMailServer.purge();
    executeJobs(instance, CAN_START_MAIL);
    assertThat(received()).singleElement().satisfies(mail -> {
      assertThat(mail.to()).isEqualTo("anna@mediatafel.example");
      assertThat(mail.subject()).isEqualTo("De mediation kan starten (" + instance.getBusinessKey() + ")");
    });

    executeJobs(instance, MAKE_AGREEMENT);
    StoredDocument agreement = documents.current(instance.getBusinessKey(), "MEDIATION_AGREEMENT").orElseThrow();
    assertThat(PdfText.of(agreement.content())).contains("Partij 1", "Partij 2", "Anna de Vries", "145,00");
    Task review = tasks(instance, REVIEW_AGREEMENT).get(0);
    assertThat(review).hasCandidateUser("anna");
    taskService.complete(review.getId(), ProcessVariable.map(MediationAgreementProcess.AGREEMENT_APPROVED.with(true)));

    ProcessInstance signing = calledSigning(instance);
    TestMailServer.purge();
    executeJobs(signing, SigningProcess.Elements.SIGNING_REQUEST_MAIL);
    assertThat(received()).hasSize(2).allSatisfy(mail -> {
      assertThat(mail.portalLink()).endsWith("/sign");
      assertThat(mail.attachmentTypes()).containsExactly("application/pdf");
    });
    for (Party party : partiesOf(instance)) {
      sign(instance, party, agreement.id().toString());
    }

    assertThat(cases.findById(instance.getBusinessKey()).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.AGREEMENT_SIGNED);
    assertThat(instance).as("an online case goes on to the online sessions")
        .isWaitingAt(MediationCaseProcess.Elements.ONLINE);
  }

  @Test
  void atTheTableTheCaseGoesOnToSessionsUntilAnAgreement() {
    ProcessInstance instance = request(2);
    complete(TRIAGE, instance, acceptance("anna", "FACE_TO_FACE"));
    executeJobs(instance, INTAKE_INVITATION);
    partiesOf(instance).forEach(party -> submitIntake(instance, party));
    tasks(instance, INTAKE_CONVERSATION).forEach(task -> taskService.complete(task.getId(),
        ProcessVariable.map(IntakeProcess.CONVERSATION_CHANNEL.with("IN_PERSON"),
            IntakeProcess.ONLINE_EXPLAINED.with(true))));
    executeJobs(instance, CAN_START_MAIL);
    executeJobs(instance, MAKE_AGREEMENT);
    complete(REVIEW_AGREEMENT, instance, ProcessVariable.map(MediationAgreementProcess.AGREEMENT_APPROVED.with(true)));
    String agreement = MediationAgreementProcess.AGREEMENT_DOCUMENT_ID.required(runtimeService, stage(instance,
        MediationAgreementProcess.KEY).getId());
    ProcessInstance signing = calledSigning(instance);
    executeJobs(signing, SigningProcess.Elements.SIGNING_REQUEST_MAIL);
    partiesOf(instance).forEach(party -> sign(instance, party, agreement));

    executeJobs(instance, MediationCaseProcess.Elements.FACE_TO_FACE);
    ProcessInstance sessions = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey(FaceToFaceProcess.KEY).singleResult();
    assertThat(sessions.getBusinessKey()).isEqualTo(instance.getBusinessKey());
    Task plan = taskService.createTaskQuery().processInstanceId(sessions.getId()).singleResult();
    Map<String, Object> session = new HashMap<>();
    SessionProcess.SESSION_KIND.putIn(session, "JOINT");
    SessionProcess.SESSION_DATE.putIn(session, TestClock.today().plusDays(10).toString());
    SessionProcess.SESSION_START_TIME.putIn(session, "14:00");
    SessionProcess.SESSION_DURATION_MINUTES.putIn(session, "120");
    SessionProcess.SESSION_LOCATION_KIND.putIn(session, SessionProcess.ADDRESS);
    SessionProcess.SESSION_ADDRESS.putIn(session, "Maliebaan 12, Utrecht");
    taskService.complete(plan.getId(), session);
    ProcessInstance held = runtimeService.createProcessInstanceQuery().superProcessInstanceId(sessions.getId())
        .processDefinitionKey(SessionProcess.KEY).singleResult();
    executeJobs(held, SessionProcess.Elements.INVITATION_MAIL);
    executeJobs(held, SessionProcess.Elements.REMINDER_TIMER);
    executeJobs(held, SessionProcess.Elements.REMINDER_MAIL);
    executeJobs(held, SessionProcess.Elements.SESSION_END_TIMER);
    Task report = taskService.createTaskQuery().processInstanceId(held.getId())
        .taskDefinitionKey(SessionProcess.Elements.SESSION_REPORT).singleResult();
    taskService.complete(report.getId(), ProcessVariable.map(SessionProcess.SESSION_HOURS.with(2.5),
        SessionProcess.SESSION_SUMMARY.with("Afspraken over de schutting"),
        SessionProcess.SESSION_NEXT_STEP.with("AGREEMENT")));

    assertThat(instance).isWaitingAt(MediationCaseProcess.Elements.SETTLEMENT);
    assertThat(stage(instance, SettlementProcess.KEY)).hasPassed(SettlementProcess.Elements.AGREEMENT_REACHED)
        .isWaitingAt(SettlementProcess.Elements.DRAFT_SETTLEMENT);
    assertThat(cases.findById(instance.getBusinessKey()).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.AGREEMENT_REACHED);
    assertThat(MediationCaseProcess.HOURS_SPENT.from(runtimeService, instance.getId()).orElse(null)).isEqualTo(2.5);
  }

  @Test
  void aCancelledSigningOfTheAgreementEndsTheCase() {
    ProcessInstance instance = throughIntake(2);
    executeJobs(instance, MAKE_AGREEMENT);
    complete(REVIEW_AGREEMENT, instance, ProcessVariable.map(MediationAgreementProcess.AGREEMENT_APPROVED.with(true)));
    ProcessInstance signing = calledSigning(instance);
    executeJobs(signing, SigningProcess.Elements.SIGNING_REQUEST_MAIL);
    managementService.createJobQuery().processInstanceId(signing.getId())
        .activityId(SigningProcess.Elements.DEADLINE_TIMER).list()
        .forEach(job -> managementService.executeJob(job.getId()));
    Task followUp = taskService.createTaskQuery().processInstanceId(signing.getId())
        .taskDefinitionKey(SigningProcess.Elements.FOLLOW_UP).list().get(0);
    taskService.complete(followUp.getId(), ProcessVariable.map(
        SigningProcess.SIGNING_FOLLOW_UP.with(SigningProcess.CANCEL),
        SigningProcess.SIGNING_CANCEL_REASON.with("Een partij wil toch niet verder.")));

    assertThat(instance).isEnded().hasPassed(MediationCaseProcess.Elements.SIGNING_CANCELLED)
        .hasNotPassed(MediationCaseProcess.Elements.ROUTE_CHOICE);
    assertThat(cases.findById(instance.getBusinessKey()).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.SIGNING_CANCELLED);
  }

  @Test
  void theMediatorCanAskForANewVersionOfTheAgreement() {
    ProcessInstance instance = throughIntake(2);
    executeJobs(instance, MAKE_AGREEMENT);
    complete(REVIEW_AGREEMENT, instance, ProcessVariable.map(MediationAgreementProcess.AGREEMENT_APPROVED.with(false),
        MediationAgreementProcess.AGREEMENT_REMARKS.with("Platformkosten ontbreken")));

    executeJobs(instance, MAKE_AGREEMENT);
    StoredDocument second = documents.current(instance.getBusinessKey(), "MEDIATION_AGREEMENT").orElseThrow();
    assertThat(second.version()).isEqualTo(2);
    assertThat(MediationAgreementProcess.AGREEMENT_DOCUMENT_ID.from(runtimeService, stage(instance,
        MediationAgreementProcess.KEY).getId()).orElse(null)).isEqualTo(second.id().toString());
    assertThat(tasks(instance, REVIEW_AGREEMENT)).hasSize(1);
  }

  @Test
  void aPartyWhoWithdrawsDuringIntakeEndsTheCaseForEveryone() throws Exception {
    ProcessInstance instance = request(3);
    accept(instance, "anna");
    executeJobs(instance, INTAKE_INVITATION);
    TestMailServer.purge();

    runtimeService.createMessageCorrelation(MediationCaseProcess.Messages.PARTY_WITHDREW)
        .processInstanceBusinessKey(instance.getBusinessKey())
        .setVariable(Withdrawals.WITHDRAWN_PARTY_ID.name(), partiesOf(instance).get(1).getId().toString())
        .correlate();

    assertThat(waiting(instance)).isEmpty();
    executeJobs(instance, MediationCaseProcess.Elements.CANCEL_PLANNED_SESSIONS);
    executeJobs(instance, TERMINATION_MAIL);
    assertThat(received()).hasSize(3).allSatisfy(mail -> assertThat(mail.subject()).contains(instance.getBusinessKey()));
    Task record = tasks(instance, RECORD_TERMINATION).get(0);
    assertThat(record).hasCandidateUser("anna").hasCandidateGroup("secretariat");
    taskService.complete(record.getId(), ProcessVariable.map(
        TerminationProcess.TERMINATION_REASON.with("PARTY_WITHDREW"), MediationCaseProcess.REFER_BACK.with(false)));

    assertThat(instance).isEnded().hasPassed(TERMINATED);
    assertThat(cases.findById(instance.getBusinessKey()).orElseThrow().getStatus()).isEqualTo(CaseStatus.TERMINATED);
  }

  @Test
  void aWithdrawalBeforeTriageGoesToTheSecretariatOnly() {
    ProcessInstance instance = request(2);
    runtimeService.createMessageCorrelation(MediationCaseProcess.Messages.PARTY_WITHDREW)
        .processInstanceBusinessKey(instance.getBusinessKey()).correlate();
    executeJobs(instance, MediationCaseProcess.Elements.CANCEL_PLANNED_SESSIONS);
    executeJobs(instance, TERMINATION_MAIL);
    Task record = tasks(instance, RECORD_TERMINATION).get(0);
    assertThat(record).hasCandidateGroup("secretariat");
    assertThat(taskService.getIdentityLinksForTask(record.getId())).noneMatch(link -> link.getUserId() != null);
  }

  @Test
  void aMediatorOutsideTheGroupMediatorsIsRefusedAndTheTriageStaysOpen() {
    ProcessInstance instance = request(2);
    Task triage = tasks(instance, TRIAGE).get(0);
    Map<String, Object> variables = acceptance("sanne");

    assertThatThrownBy(() -> taskService.complete(triage.getId(), variables))
        .hasMessageContaining("'sanne' is geen gebruiker in de groep mediators");
    assertThat(tasks(instance, TRIAGE)).extracting(Task::getId).containsExactly(triage.getId());
    assertThat(cases.findById(instance.getBusinessKey()).orElseThrow().getStatus()).isEqualTo(CaseStatus.REQUESTED);
  }

  @Test
  void aLatePartyIsRemindedWhileTheOthersAreNot() throws Exception {
    ProcessInstance instance = request(2);
    accept(instance, "bram");
    executeJobs(instance, INTAKE_INVITATION);
    Party first = partiesOf(instance).get(0);
    submitIntake(instance, first);
    TestMailServer.purge();

    List<Job> reminders = timers(instance, INTAKE_REMINDER_TIMER);
    assertThat(reminders).hasSize(1);
    managementService.executeJob(reminders.get(0).getId());
    executeJobs(instance, INTAKE_REMINDER_MAIL);

    Party late = partiesOf(instance).get(1);
    assertThat(received()).singleElement().satisfies(mail -> {
      assertThat(mail.to()).isEqualTo(late.getEmail());
      assertThat(mail.subject()).startsWith(late.getLanguage().equals("en") ? "Reminder:" : "Herinnering:");
      assertThat(mail.portalLink()).endsWith("/intake");
    });
    assertThat(waiting(instance)).hasSize(1);
  }

  @Test
  void afterTheDeadlineTheSecretariatExtendsAndTheNewDeadlineIsWaitedFor() {
    ProcessInstance instance = request(2);
    accept(instance, "anna");
    executeJobs(instance, INTAKE_INVITATION);
    submitIntake(instance, partiesOf(instance).get(0));

    fireDeadline(instance);
    Task followUp = tasks(instance, INTAKE_FOLLOW_UP).get(0);
    assertThat(followUp).hasCandidateGroup("secretariat");
    Instant newDeadline = TestClock.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    taskService.complete(followUp.getId(), ProcessVariable.map(IntakeProcess.INTAKE_FOLLOW_UP.with("EXTEND"),
        IntakeProcess.EXTENDED_INTAKE_DEADLINE.with(Date.from(newDeadline))));

    assertThat(waiting(instance)).hasSize(1);
    Job deadline = timers(instance, INTAKE_DEADLINE_TIMER).get(0);
    assertThat(deadline.getDuedate().toInstant()).isEqualTo(newDeadline);
    Job reminder = timers(instance, INTAKE_REMINDER_TIMER).get(0);
    assertThat(reminder.getDuedate().toInstant()).as("one business day before the new deadline")
        .isBefore(newDeadline).isAfter(TestClock.now());
  }

  @Test
  void afterTheDeadlineTheCaseCanContinueWithoutThatIntake() {
    ProcessInstance instance = request(2);
    accept(instance, "anna");
    executeJobs(instance, INTAKE_INVITATION);
    submitIntake(instance, partiesOf(instance).get(0));

    fireDeadline(instance);
    complete(INTAKE_FOLLOW_UP, instance, ProcessVariable.map(IntakeProcess.INTAKE_FOLLOW_UP.with("CONTINUE_WITHOUT")));

    assertThat(tasks(instance, INTAKE_CONVERSATION)).hasSize(1);
    assertThat(waiting(instance)).isEmpty();
    assertThat(passedInCase(instance, IntakeProcess.Elements.INTAKE_FOLLOW_UP)).isTrue();
  }

  @Test
  void afterTheDeadlineTheSecretariatCanStopTheCase() {
    ProcessInstance instance = request(3);
    accept(instance, "anna");
    executeJobs(instance, INTAKE_INVITATION);

    List<Job> deadlines = timers(instance, INTAKE_DEADLINE_TIMER);
    managementService.executeJob(deadlines.get(0).getId());
    complete(INTAKE_FOLLOW_UP, instance, ProcessVariable.map(IntakeProcess.INTAKE_FOLLOW_UP.with("STOP")));

    assertThat(instance).isEnded().hasPassed(MediationCaseProcess.Elements.STOPPED);
    assertThat(cases.findById(instance.getBusinessKey()).orElseThrow().getStatus()).isEqualTo(CaseStatus.STOPPED);
  }

  @Test
  void thirtyPartiesEachGetTheirOwnIntake() {
    ProcessInstance instance = request(30);
    accept(instance, "bram");
    executeJobs(instance, INTAKE_INVITATION);
    assertThat(received()).hasSize(30);
    assertThat(received()).extracting(ReceivedMail::portalLink).doesNotHaveDuplicates();
    for (Party party : partiesOf(instance)) {
      submitIntake(instance, party);
    }
    assertThat(tasks(instance, INTAKE_CONVERSATION)).hasSize(30);
  }

  // --- steps

  private ProcessInstance request(int partyCount) {
    ObjectNode request = CaseApiTest.validRequest();
    ArrayNode list = (ArrayNode) request.get("parties");
    list.removeAll();
    for (int i = 1; i <= partyCount; i++) {
      list.add(CaseApiTest.party("Partij " + i, "partij" + i + "@example.nl", i % 2 == 0 ? "en" : "nl"));
    }
    CaseRequest caseRequest = JSON.convertValue(request, CaseRequest.class);
    String caseNumber = requests.register(caseRequest, null).mediationCase().getCaseNumber();
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();
  }

  private ProcessInstance throughIntake(int partyCount) {
    ProcessInstance instance = request(partyCount);
    accept(instance, "anna");
    executeJobs(instance, INTAKE_INVITATION);
    partiesOf(instance).forEach(party -> submitIntake(instance, party));
    tasks(instance, INTAKE_CONVERSATION).forEach(task -> taskService.complete(task.getId(),
        ProcessVariable.map(IntakeProcess.CONVERSATION_CHANNEL.with("PHONE"),
            IntakeProcess.ONLINE_EXPLAINED.with(true))));
    executeJobs(instance, CAN_START_MAIL);
    return instance;
  }

  private ProcessInstance calledSigning(ProcessInstance instance) {
    executeJobs(instance, MediationAgreementProcess.Elements.SIGN_AGREEMENT);
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .processDefinitionKey(SigningProcess.KEY).singleResult();
  }

  /** What the portal does: record the signature (the signed version needs it), then tell the process. */
  private void sign(ProcessInstance instance, Party party, String documentId) {
    signatures.recordPortalSignature(instance.getBusinessKey(), java.util.UUID.fromString(documentId), party.getId(),
        TestClock.now(), "192.0.2.10", "JUnit");
    runtimeService.createMessageCorrelation(SigningProcess.Messages.DOCUMENT_SIGNED)
        .processInstanceBusinessKey(instance.getBusinessKey())
        .localVariableEquals(CaseVariables.PARTY_ID.name(), party.getId().toString())
        .localVariableEquals(SigningProcess.DOCUMENT_ID.name(), documentId)
        .correlate();
  }

  private void accept(ProcessInstance instance, String mediator) {
    complete(TRIAGE, instance, acceptance(mediator));
  }

  private static Map<String, Object> acceptance(String mediator) {
    return acceptance(mediator, "ONLINE_VIDEO");
  }

  private static Map<String, Object> acceptance(String mediator, String route) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("triageDecision", "ACCEPT");
    variables.put("suitabilityJudgement", "Beide partijen willen verder; de route past.");
    variables.put("route", route);
    CaseVariables.MEDIATOR.putIn(variables, mediator);
    variables.put("hourlyRate", 145.0);
    variables.put("platformFee", 95.0);
    return variables;
  }

  private void submitIntake(ProcessInstance instance, Party party) {
    IntakeProcess.intakeSubmitted(runtimeService, instance.getBusinessKey(), party.getId().toString())
        .correlate();
  }

  private void fireDeadline(ProcessInstance instance) {
    List<Job> deadlines = timers(instance, INTAKE_DEADLINE_TIMER);
    assertThat(deadlines).as("intake deadline timers").hasSize(1);
    managementService.executeJob(deadlines.get(0).getId());
  }

  private void complete(String taskKey, ProcessInstance instance, Map<String, Object> variables) {
    List<Task> open = tasks(instance, taskKey);
    assertThat(open).as("open %s", taskKey).hasSize(1);
    taskService.complete(open.get(0).getId(), variables);
  }

  private List<Task> tasks(ProcessInstance instance, String taskKey) {
    // the case's tasks, also those of the stages it called (same business key)
    return taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey(taskKey).list();
  }

  private List<String> waiting(ProcessInstance instance) {
    return runtimeService.createExecutionQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .activityId(WAIT_FOR_INTAKE).list().stream().map(execution -> execution.getId()).toList();
  }

  /** The timers at the activity in the case and the stages it called (same business key). */
  private List<Job> timers(ProcessInstance instance, String activityId) {
    return ProcessJobs.ofCase(runtimeService, instance).stream()
        .flatMap(id -> managementService.createJobQuery().processInstanceId(id).timers().activityId(activityId)
            .list().stream())
        .toList();
  }

  /** The running instance of a stage of the case ({@code mediation-agreement}, {@code settlement}, …). */
  private ProcessInstance stage(ProcessInstance instance, String key) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .processDefinitionKey(key).singleResult();
  }

  /** Whether an instance of the case (the case or a stage it called) passed the activity. */
  private boolean passedInCase(ProcessInstance instance, String activityId) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .list().stream().anyMatch(called -> historyService.createHistoricActivityInstanceQuery()
            .processInstanceId(called.getId()).activityId(activityId).finished().count() > 0);
  }

  private void executeJobs(ProcessInstance instance, String activityId) {
    ProcessJobs.executeAt(managementService, instance, activityId);
  }

  private List<Party> partiesOf(ProcessInstance instance) {
    return parties.findByMediationCaseCaseNumberOrderByPosition(instance.getBusinessKey());
  }

  private static List<ReceivedMail> received() {
    MimeMessage[] messages = TestMailServer.received();
    return Arrays.stream(messages).map(ReceivedMail::of).toList();
  }
}
