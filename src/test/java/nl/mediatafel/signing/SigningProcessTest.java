package nl.mediatafel.signing;

import static nl.mediatafel.signing.SigningProcess.Elements.DEADLINE_TIMER;
import static nl.mediatafel.signing.SigningProcess.Elements.FOLLOW_UP;
import static nl.mediatafel.signing.SigningProcess.Elements.REMINDER_MAIL;
import static nl.mediatafel.signing.SigningProcess.Elements.REMINDER_TIMER;
import static nl.mediatafel.signing.SigningProcess.Elements.SIGNING_REQUEST_MAIL;
import static nl.mediatafel.signing.SigningProcess.Elements.WAIT_FOR_SIGNATURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.deadlines.BusinessCalendar;
import nl.mediatafel.documents.DocumentService;
import nl.mediatafel.documents.DocumentType;
import nl.mediatafel.documents.StoredDocument;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.PdfArchive;
import nl.mediatafel.platform.PdfText;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.ReceivedMail;
import nl.mediatafel.platform.TestClock;
import nl.mediatafel.platform.TestMailServer;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ProcessVariable;
import nl.mediatafel.signing.SigningCases.SigningCase;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.scenario.ProcessScenario;
import org.camunda.bpm.scenario.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scenarios of {@code processes/signing.bpmn} on the real engine with the job executor off, started directly with a
 * registered case as business key and its generated mediation agreement: every job and timer is fired by the test,
 * every mail arrives at the test SMTP server. Where a test is about time passing (a reminder, a deadline, a late
 * signature), camunda-platform-scenario drives it: one answer per wait state, time moved by {@code defer}.
 */
@MediatafelTest
class SigningProcessTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired CaseRequests requests;
  @Autowired PartyRepository parties;
  @Autowired DocumentService documents;
  @Autowired SignatureService signatures;
  @Autowired BusinessCalendar calendar;

  private SigningCases cases;
  private final List<String> started = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    BpmnAwareTests.init(engine);
    TestMailServer.purge();
    cases = new SigningCases(requests, parties, documents, runtimeService);
  }

  /** Nothing of ours keeps waiting in the shared engine: timers of a later test must not meet our instances. */
  @AfterEach
  void removeOurInstances() {
    identityService.clearAuthentication();
    for (String id : started) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtimeService.deleteProcessInstance(id, "end of test", true, true);
      }
    }
  }

  @Test
  void everySignerGetsTheDocumentAndAPortalLinkAndWhenAllHaveSignedTheOutcomeIsSigned() {
    SigningCase signingCase = cases.create(2);
    ProcessInstance instance = start(signingCase);

    assertThat(instance).isWaitingAt(SIGNING_REQUEST_MAIL);
    executeJobs(instance, SIGNING_REQUEST_MAIL);

    List<ReceivedMail> mails = received(signingCase);
    assertThat(mails).extracting(ReceivedMail::to)
        .containsExactlyInAnyOrderElementsOf(signingCase.parties().stream().map(Party::getEmail).toList());
    assertThat(mails).allSatisfy(mail -> {
      assertThat(mail.subject()).contains(signingCase.caseNumber());
      assertThat(mail.portalLink()).endsWith("/sign");
      assertThat(mail.attachmentNames()).containsExactly(signingCase.agreement().fileName());
      assertThat(mail.attachmentTypes()).containsExactly("application/pdf");
    });
    assertThat(mails).extracting(ReceivedMail::portalLink).doesNotHaveDuplicates();
    assertThat(waiting(instance)).hasSize(2);

    signInPortal(signingCase, signingCase.party(0));
    assertThat(instance).isNotEnded();
    assertThat(waiting(instance)).hasSize(1);
    signInPortal(signingCase, signingCase.party(1));

    assertThat(instance).isEnded().hasPassed(SigningProcess.Elements.ALL_SIGNED)
        .hasNotPassed(SigningProcess.Elements.FOLLOW_UP, SigningProcess.Elements.SIGNING_CANCELLED);
    assertThat(outcome(instance)).isEqualTo(SigningProcess.SIGNED);
    assertThat(signatures.forDocument(signingCase.agreement().id())).hasSize(2)
        .allSatisfy(signature -> assertThat(signature.method()).isEqualTo(SignatureMethod.PORTAL));
    assertThat(documents.signedVersionOf(signingCase.agreement().id())).as("the signed version is stored")
        .hasValueSatisfying(signed -> assertThat(signed.isCurrent()).isTrue());
  }

  @Test
  void thirtySignersEachSignForThemselves() {
    SigningCase signingCase = cases.create(30);
    ProcessInstance instance = start(signingCase);
    executeJobs(instance, SIGNING_REQUEST_MAIL);

    assertThat(received(signingCase)).hasSize(30);
    assertThat(received(signingCase)).extracting(ReceivedMail::portalLink).doesNotHaveDuplicates();
    assertThat(waiting(instance)).hasSize(30);
    for (Party party : signingCase.parties()) {
      assertThat(instance).isNotEnded();
      signInPortal(signingCase, party);
    }
    assertThat(instance).isEnded().hasPassed(SigningProcess.Elements.ALL_SIGNED);
    assertThat(outcome(instance)).isEqualTo(SigningProcess.SIGNED);
  }

  @Test
  void onlyTheSignerWhoHasNotSignedIsReminded() throws Exception {
    SigningCase signingCase = cases.create(2);
    ProcessInstance instance = start(signingCase);
    executeJobs(instance, SIGNING_REQUEST_MAIL);
    signInPortal(signingCase, signingCase.party(0));
    TestMailServer.purge();

    List<Job> reminders = timers(instance, REMINDER_TIMER);
    assertThat(reminders).hasSize(1);
    assertThat(reminders.get(0).getDuedate())
        .isEqualTo(SigningProcess.SIGNING_DEADLINE_REMINDER.from(runtimeService, instance.getId()).orElse(null));
    managementService.executeJob(reminders.get(0).getId());
    executeJobs(instance, REMINDER_MAIL);

    Party late = signingCase.party(1);
    assertThat(received(signingCase)).singleElement().satisfies(mail -> {
      assertThat(mail.to()).isEqualTo(late.getEmail());
      assertThat(mail.subject()).startsWith(late.getLanguage().equals("en") ? "Reminder:" : "Herinnering:");
      assertThat(mail.portalLink()).endsWith("/sign");
    });
    assertThat(waiting(instance)).as("the reminder does not stop the wait").hasSize(1);
  }

  @Test
  void theSigningDeadlineIsTenBusinessDaysWithAReminderThreeBusinessDaysBefore() {
    SigningCase signingCase = cases.create(2);
    Instant before = TestClock.now();
    ProcessInstance instance = start(signingCase);

    Instant deadline = SigningProcess.SIGNING_DEADLINE.required(runtimeService, instance.getId()).toInstant();
    assertThat(deadline).isEqualTo(calendar.addBusinessDays(before, 10));
    executeJobs(instance, SIGNING_REQUEST_MAIL);
    assertThat(timers(instance, DEADLINE_TIMER)).hasSize(2)
        .allSatisfy(job -> assertThat(job.getDuedate().toInstant()).isEqualTo(deadline));
    assertThat(timers(instance, REMINDER_TIMER)).hasSize(2).allSatisfy(job -> assertThat(
        job.getDuedate().toInstant()).isEqualTo(calendar.subtractBusinessDays(deadline, 3)));
  }

  @Test
  void afterTheDeadlineTheSecretariatExtendsForThatSignerOnlyAndTheNewDateIsWaitedFor() throws Exception {
    SigningCase signingCase = cases.create(2);
    ProcessInstance instance = start(signingCase);
    executeJobs(instance, SIGNING_REQUEST_MAIL);
    Party late = signingCase.party(0);
    Party other = signingCase.party(1);
    Date originalDeadline = timer(instance, DEADLINE_TIMER, other).getDuedate();

    fireDeadline(instance, late);
    Task followUp = followUp(instance, late);
    assertThat(followUp).hasCandidateGroup("secretariat");
    assertThat(followUp.getDueDate()).isAfter(Date.from(TestClock.now()));
    try (InputStream form = formService.getDeployedTaskForm(followUp.getId())) {
      assertThat(JSON.readTree(form).path("id").asText()).as("the deployed Camunda Form")
          .isEqualTo("signing-follow-up");
    }
    assertThat(SigningProcess.SIGNER_NAME.from(taskService, followUp.getId()).orElse(null))
        .isEqualTo(late.getName() + " (" + late.getEmail() + ")");
    assertThat(SigningProcess.CASE_NUMBER.from(taskService, followUp.getId()).orElse(null))
        .isEqualTo(signingCase.caseNumber());
    Instant newDeadline = TestClock.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    taskService.complete(followUp.getId(), ProcessVariable.map(
        SigningProcess.SIGNING_FOLLOW_UP.with(SigningProcess.EXTEND),
        SigningProcess.SIGNING_EXTENDED_DEADLINE.with(Date.from(newDeadline))));

    assertThat(waiting(instance)).hasSize(2);
    assertThat(runtimeService.getVariables(instance.getId())).as("the answers in the form stay with the signer")
        .doesNotContainKeys("signingFollowUp", "signingExtendedDeadline");
    assertThat(timer(instance, DEADLINE_TIMER, late).getDuedate().toInstant()).isEqualTo(newDeadline);
    assertThat(timer(instance, REMINDER_TIMER, late).getDuedate().toInstant())
        .isEqualTo(calendar.subtractBusinessDays(newDeadline, 3));
    assertThat(timer(instance, DEADLINE_TIMER, other).getDuedate()).as("the other signer keeps the old deadline")
        .isEqualTo(originalDeadline);

    signInPortal(signingCase, late);
    signInPortal(signingCase, other);
    assertThat(instance).isEnded();
    assertThat(outcome(instance)).isEqualTo(SigningProcess.SIGNED);
  }

  @Test
  void aDateFromTheFormExtendsToTheEndOfThatWorkingDay() {
    SigningCase signingCase = cases.create(2);
    ProcessInstance instance = start(signingCase);
    executeJobs(instance, SIGNING_REQUEST_MAIL);
    Party late = signingCase.party(1);

    fireDeadline(instance, late);
    LocalDate newDate = TestClock.today().plusDays(20);
    taskService.complete(followUp(instance, late).getId(), ProcessVariable.map(
        SigningProcess.SIGNING_FOLLOW_UP.with(SigningProcess.EXTEND),
        SigningProcess.SIGNING_EXTENDED_DEADLINE.with(newDate.toString())));

    assertThat(timer(instance, DEADLINE_TIMER, late).getDuedate().toInstant())
        .isEqualTo(calendar.endOfWorkingDay(newDate));
  }

  @Test
  void aDeadlineInThePastIsRefusedAndTheFollowUpStaysOpen() {
    SigningCase signingCase = cases.create(2);
    ProcessInstance instance = start(signingCase);
    executeJobs(instance, SIGNING_REQUEST_MAIL);
    Party late = signingCase.party(0);
    fireDeadline(instance, late);
    Task followUp = followUp(instance, late);

    Map<String, Object> yesterday = ProcessVariable.map(SigningProcess.SIGNING_FOLLOW_UP.with(SigningProcess.EXTEND),
        SigningProcess.SIGNING_EXTENDED_DEADLINE.with(Date.from(TestClock.now().minus(1, ChronoUnit.DAYS))));
    assertThatThrownBy(() -> taskService.complete(followUp.getId(), yesterday))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("in de toekomst");
    assertThat(followUp(instance, late).getId()).isEqualTo(followUp.getId());
  }

  @Test
  void afterTheDeadlineAPaperSignatureIsRecordedAndTheOthersStillSignInThePortal() {
    SigningCase signingCase = cases.create(2);
    ProcessInstance instance = start(signingCase);
    executeJobs(instance, SIGNING_REQUEST_MAIL);
    Party onPaper = signingCase.party(0);

    fireDeadline(instance, onPaper);
    LocalDate receivedOn = TestClock.today();
    completeAs("sanne", followUp(instance, onPaper), ProcessVariable.map(
        SigningProcess.SIGNING_FOLLOW_UP.with(SigningProcess.PAPER),
        SigningProcess.PAPER_SIGNATURE_RECEIVED_ON.with(receivedOn.toString()),
        SigningProcess.PAPER_SIGNATURE_CHECKED.with(true)));

    Signature paper = signatures.find(signingCase.agreement().id(), onPaper.getId()).orElseThrow();
    assertThat(paper.method()).isEqualTo(SignatureMethod.PAPER);
    assertThat(paper.recordedBy()).isEqualTo("sanne");
    assertThat(paper.caseNumber()).isEqualTo(signingCase.caseNumber());
    assertThat(paper.signedAt()).isEqualTo(receivedOn.atStartOfDay(AMSTERDAM).toInstant());
    assertThat(paper.documentSha256()).isEqualTo(signingCase.agreement().sha256());
    assertThat(instance).isNotEnded().hasPassed(SigningProcess.Elements.SIGNED_ON_PAPER);
    assertThat(runtimeService.getVariables(instance.getId())).as("the paper date stays with the signer")
        .doesNotContainKeys("paperSignatureReceivedOn", "paperSignatureChecked");
    assertThat(waiting(instance)).hasSize(1);

    signInPortal(signingCase, signingCase.party(1));
    assertThat(instance).isEnded().hasPassed(SigningProcess.Elements.STORE_SIGNED_DOCUMENT,
        SigningProcess.Elements.ALL_SIGNED);
    assertThat(outcome(instance)).isEqualTo(SigningProcess.SIGNED);

    // the signed version: a new version, the agreement's pages unchanged plus a page with both signatures
    StoredDocument signed = documents.current(signingCase.caseNumber(), "MEDIATION_AGREEMENT").orElseThrow();
    assertThat(signed.signedFrom()).isEqualTo(signingCase.agreement().id());
    assertThat(signed.version()).isEqualTo(signingCase.agreement().version() + 1);
    assertThat(signed.sha256()).isNotEqualTo(signingCase.agreement().sha256());
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(SigningProcess.SIGNED_DOCUMENT_ID.name()).singleResult().getValue())
        .isEqualTo(signed.id().toString());
    String page = PdfText.of(signed.content());
    assertThat(page).startsWith(PdfText.of(signingCase.agreement().content()).strip())
        .contains(onPaper.getName() + ", Partij Op papier, gecontroleerd door het secretariaat")
        .contains(signingCase.party(1).getName() + ", Partij Digitaal, in het portaal")
        .contains(signingCase.party(1).getEmail())
        .contains("SHA-256 van het origineel (versie " + signingCase.agreement().version() + "): "
            + signingCase.agreement().sha256());
    assertThat(page).doesNotContain(onPaper.getEmail());
    PdfArchive.assertPdfA(signed.content());
  }

  @Test
  void aPaperSignatureNeedsALoggedInStaffMember() {
    SigningCase signingCase = cases.create(2);
    ProcessInstance instance = start(signingCase);
    executeJobs(instance, SIGNING_REQUEST_MAIL);
    Party onPaper = signingCase.party(0);
    fireDeadline(instance, onPaper);
    Task followUp = followUp(instance, onPaper);

    Map<String, Object> paper = ProcessVariable.map(SigningProcess.SIGNING_FOLLOW_UP.with(SigningProcess.PAPER),
        SigningProcess.PAPER_SIGNATURE_RECEIVED_ON.with(TestClock.today().toString()),
        SigningProcess.PAPER_SIGNATURE_CHECKED.with(true));
    assertThatThrownBy(() -> taskService.complete(followUp.getId(), paper))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("aangemelde medewerker");
    assertThat(signatures.find(signingCase.agreement().id(), onPaper.getId())).isEmpty();
    assertThat(followUp(instance, onPaper).getId()).isEqualTo(followUp.getId());
  }

  @Test
  void whenTheSecretariatCancelsTheSigningStopsForEveryoneWithOutcomeCancelled() {
    SigningCase signingCase = cases.create(3);
    ProcessInstance instance = start(signingCase);
    executeJobs(instance, SIGNING_REQUEST_MAIL);
    signInPortal(signingCase, signingCase.party(2));
    fireDeadline(instance, signingCase.party(0));
    fireDeadline(instance, signingCase.party(1));
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).list()).hasSize(2);

    taskService.complete(followUp(instance, signingCase.party(0)).getId(), ProcessVariable.map(
        SigningProcess.SIGNING_FOLLOW_UP.with(SigningProcess.CANCEL),
        SigningProcess.SIGNING_CANCEL_REASON.with("De partijen willen de tekst aanpassen.")));

    assertThat(instance).isEnded().hasPassed(SigningProcess.Elements.SIGNING_CANCELLED)
        .hasNotPassed(SigningProcess.Elements.ALL_SIGNED);
    assertThat(outcome(instance)).isEqualTo(SigningProcess.CANCELLED);
    HistoricVariableInstance reason = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(SigningProcess.SIGNING_CANCEL_REASON.name()).singleResult();
    assertThat(reason.getValue()).isEqualTo("De partijen willen de tekst aanpassen.");
    assertThat(reason.getActivityInstanceId()).as("a process variable, for the calling case")
        .isEqualTo(instance.getId());
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(runtimeService.createExecutionQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  /**
   * With camunda-platform-scenario: one signer never signs in time, so after the reminder the deadline passes and the
   * secretariat gets the follow-up; two hours later that signer signs in the portal after all, and the follow-up
   * disappears without anyone completing it.
   */
  @Test
  void aSignerWhoSignsWhileTheSecretariatFollowsUpIsDoneAndTheTaskDisappears() {
    SigningCase signingCase = cases.create(2);
    Party late = signingCase.party(0);
    ProcessScenario signing = mock(ProcessScenario.class);
    when(signing.waitsAtReceiveTask(WAIT_FOR_SIGNATURE)).thenReturn(wait -> {
      Party signer = signerOf(signingCase, wait.getExecutionId());
      wait.defer(signer.getId().equals(late.getId()) ? "P30D" : "PT1H", () -> signInPortal(signingCase, signer));
    });
    when(signing.waitsAtUserTask(FOLLOW_UP))
        .thenReturn(followUp -> followUp.defer("PT2H", () -> signInPortal(signingCase, late)));

    ProcessInstance instance = run(signing, signingCase);

    verify(signing).waitsAtUserTask(FOLLOW_UP);
    assertThat(reminders(signingCase)).extracting(ReceivedMail::to).containsExactly(late.getEmail());
    assertThat(instance).isEnded().hasPassed(SigningProcess.Elements.SIGNED_DURING_FOLLOW_UP,
        SigningProcess.Elements.ALL_SIGNED);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(FOLLOW_UP).singleResult().getDeleteReason()).as("nobody completed the follow-up")
        .isNotEqualTo("completed");
    assertThat(outcome(instance)).isEqualTo(SigningProcess.SIGNED);
  }

  @Test
  void aSignatureOnAnotherDocumentDoesNotCorrelate() {
    SigningCase signingCase = cases.create(2);
    ProcessInstance instance = start(signingCase);
    executeJobs(instance, SIGNING_REQUEST_MAIL);
    StoredDocument costs = cases.generate(signingCase.caseNumber(), DocumentType.COST_STATEMENT);
    String partyId = signingCase.party(0).getId().toString();

    assertThatThrownBy(() -> SigningProcess.documentSigned(runtimeService, signingCase.caseNumber(), partyId,
        costs.id().toString()).correlate()).isInstanceOf(MismatchingMessageCorrelationException.class);
    assertThatThrownBy(() -> SigningProcess.documentSigned(runtimeService, "MED-0000-0000", partyId,
        signingCase.agreement().id().toString()).correlate())
        .isInstanceOf(MismatchingMessageCorrelationException.class);
    assertThat(waiting(instance)).hasSize(2);

    signInPortal(signingCase, signingCase.party(0));
    assertThat(waiting(instance)).as("the signature on the document itself does correlate").hasSize(1);
  }

  @Test
  void aRequestWithoutSignersOrForAnOutdatedDocumentDoesNotStart() {
    SigningCase signingCase = cases.create(2);
    assertThatThrownBy(() -> start(signingCase, signingCase.agreement(), new ArrayList<>()))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("geen ondertekenaars");

    StoredDocument outdated = signingCase.agreement();
    cases.agreement(signingCase.caseNumber());
    assertThatThrownBy(() -> start(signingCase, outdated, signingCase.partyIds()))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("vervangen");

    SigningCase otherCase = cases.create(2);
    assertThatThrownBy(() -> start(signingCase, otherCase.agreement(), signingCase.partyIds()))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("geen document");
    assertThatThrownBy(() -> start(otherCase, otherCase.agreement(), signingCase.partyIds()))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("geen partij");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SigningProcess.KEY)
        .processInstanceBusinessKey(signingCase.caseNumber()).count()).isZero();
  }

  @Test
  void everyElementIdMessageAndErrorOfTheApiClassIsInTheDeployedModel() throws Exception {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(SigningProcess.KEY).latestVersion().singleResult();
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
    for (Field field : SigningProcess.Elements.class.getFields()) {
      String id = (String) field.get(null);
      Object element = model.getModelElementById(id);
      assertThat(element).as("element %s = %s", field.getName(), id).isInstanceOf(FlowNode.class);
    }
    assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
        .containsExactly(SigningProcess.Messages.DOCUMENT_SIGNED);
    assertThat(model.getModelElementsByType(Error.class)).extracting(Error::getErrorCode)
        .containsExactly(SigningProcess.Errors.SIGNING_CANCELLED);
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(1825);
  }

  // --- steps

  private ProcessInstance start(SigningCase signingCase) {
    return start(signingCase, signingCase.agreement(), signingCase.partyIds());
  }

  private ProcessInstance start(SigningCase signingCase, StoredDocument document, List<String> partyIds) {
    Map<String, Object> variables = new HashMap<>();
    SigningProcess.DOCUMENT_ID.putIn(variables, document.id().toString());
    SigningProcess.DOCUMENT_TYPE.putIn(variables, document.documentType());
    SigningProcess.PARTY_IDS.putIn(variables, partyIds);
    CaseVariables.MEDIATOR.putIn(variables, "anna");
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(SigningProcess.KEY,
        signingCase.caseNumber(), variables);
    started.add(instance.getId());
    return instance;
  }

  /** What the portal does when a party signs: record the signature, then tell the process. */
  private void signInPortal(SigningCase signingCase, Party party) {
    signatures.recordPortalSignature(signingCase.caseNumber(), signingCase.agreement().id(), party.getId(),
        TestClock.now(), "192.0.2.10", "Mozilla/5.0 (test)");
    SigningProcess.documentSigned(runtimeService, signingCase.caseNumber(), party.getId().toString(),
        signingCase.agreement().id().toString()).correlate();
  }

  private void completeAs(String userId, Task task, Map<String, Object> variables) {
    identityService.setAuthentication(userId, List.of("secretariat"));
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void fireDeadline(ProcessInstance instance, Party party) {
    managementService.executeJob(timer(instance, DEADLINE_TIMER, party).getId());
  }

  private List<Job> timers(ProcessInstance instance, String activityId) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
        .list();
  }

  /** The timer of one signer: its execution is the wait of that signer, with a local partyId. */
  private Job timer(ProcessInstance instance, String activityId, Party party) {
    List<Job> ofParty = timers(instance, activityId).stream()
        .filter(job -> party.getId().toString().equals(CaseVariables.PARTY_ID.fromLocal(runtimeService,
            job.getExecutionId()).orElse(null)))
        .toList();
    assertThat(ofParty).as("%s of %s", activityId, party.getName()).hasSize(1);
    return ofParty.get(0);
  }

  /** The follow-up task of one signer: its execution has the task's input parameter partyId. */
  private Task followUp(ProcessInstance instance, Party party) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(FOLLOW_UP)
        .list().stream()
        .filter(task -> party.getId().toString().equals(CaseVariables.PARTY_ID.fromLocal(runtimeService,
            task.getExecutionId()).orElse(null)))
        .toList();
    assertThat(tasks).as("follow-up of %s", party.getName()).hasSize(1);
    return tasks.get(0);
  }

  private List<String> waiting(ProcessInstance instance) {
    return runtimeService.createExecutionQuery().processInstanceId(instance.getId()).activityId(WAIT_FOR_SIGNATURE)
        .list().stream().map(execution -> execution.getId()).toList();
  }

  private void executeJobs(ProcessInstance instance, String activityId) {
    ProcessJobs.executeAt(managementService, instance, activityId);
  }

  private Object outcome(ProcessInstance instance) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(SigningProcess.SIGNING_OUTCOME.name()).singleResult();
    assertThat(variable).as("signingOutcome").isNotNull();
    return variable.getValue();
  }

  /**
   * Runs the scenario from the start of the signing to its end. The runner moves the engine's clock from wait to wait
   * and puts it on the wall clock when it is done; the test clock goes back to the moment the signing ended, where the
   * mails it queued are due and their links valid.
   */
  private ProcessInstance run(ProcessScenario scenario, SigningCase signingCase) {
    ProcessInstance instance = Scenario.run(scenario).startBy(() -> start(signingCase)).engine(engine).execute()
        .instance(scenario);
    Date ended = historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getEndTime();
    assertThat(ended).as("the scenario ends the signing").isNotNull();
    TestClock.setTo(ended.toInstant());
    return instance;
  }

  /** The signer whose wait the execution is: it sees the multi-instance element variable partyId. */
  private Party signerOf(SigningCase signingCase, String executionId) {
    String id = CaseVariables.PARTY_ID.from(runtimeService, executionId).orElse(null);
    return signingCase.parties().stream().filter(party -> party.getId().toString().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no signer at execution " + executionId));
  }

  /** The reminder mails that reached the parties of this case. */
  private static List<ReceivedMail> reminders(SigningCase signingCase) {
    return received(signingCase).stream()
        .filter(mail -> mail.subject().startsWith("Herinnering:") || mail.subject().startsWith("Reminder:")).toList();
  }

  /** The mails that reached the parties of this case (the test SMTP server is shared). */
  private static List<ReceivedMail> received(SigningCase signingCase) {
    List<String> addresses = signingCase.parties().stream().map(Party::getEmail).toList();
    MimeMessage[] messages = TestMailServer.received();
    return Arrays.stream(messages).map(ReceivedMail::of).filter(mail -> addresses.contains(mail.to())).toList();
  }
}
