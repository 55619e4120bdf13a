package nl.mediatafel.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.mediatafel.closing.ClosingProcess;
import nl.mediatafel.documents.DocumentService;
import nl.mediatafel.documents.StoredDocument;
import nl.mediatafel.intake.IntakeProcess;
import nl.mediatafel.mail.MailLog;
import nl.mediatafel.mail.MailLogRepository;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.ProcessScenario;
import nl.mediatafel.platform.TestClock;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ProcessVariable;
import nl.mediatafel.sessions.FaceToFaceProcess;
import nl.mediatafel.settlement.SettlementProcess;
import nl.mediatafel.signing.SigningProcess;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One case through its whole life on one process instance, the way users drive it: the request over HTTP, triage by
 * the secretariat, both intakes, the mediation agreement checked and signed, a session at the table, the settlement
 * drafted, reviewed, signed and sent on paper, and closing. Every task is checked to be in the right person's
 * Tasklist, and the case's mail log must hold every mail the parties and the mediator should have had.
 */
@MediatafelTest
class CaseLifecycleTest extends ProcessScenario {

  @Autowired TestRestTemplate http;
  @Autowired MediationCaseRepository cases;
  @Autowired DocumentService documents;
  @Autowired MailLogRepository mailLog;

  @BeforeEach
  void assertions() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void fromTheRequestToTheClosedDossier() {
    String run = UUID.randomUUID().toString().substring(0, 6);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> created = http.postForEntity("/api/cases", new HttpEntity<>("""
        {"conflictType": "NEIGHBOURS", "summary": "Een schutting en overhangende takken", "escalation": "MEDIUM",
         "preferredRoute": "FACE_TO_FACE", "safetyConcern": false,
         "referrer": {"type": "COURT", "name": "Rechtbank Midden-Nederland", "reference": "C/16/4711"},
         "parties": [{"name": "Jan de Boer", "email": "jan.life.%1$s@example.nl", "language": "nl", "payer": "SELF"},
                     {"name": "Emma Clarke", "email": "emma.life.%1$s@example.co.uk", "language": "en",
                      "payer": "LEGAL_AID"}]}
        """.formatted(run), headers), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String caseNumber = created.getBody().path("caseNumber").asText();
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(MediationCaseProcess.KEY).singleResult();

    // triage by the secretariat
    Task triage = task(instance, MediationCaseProcess.Elements.TRIAGE);
    assertThat(triage).hasCandidateGroup("secretariat");
    taskService.complete(triage.getId(), ProcessVariable.map(
        MediationCaseProcess.TRIAGE_DECISION.with("ACCEPT"),
        MediationCaseProcess.SUITABILITY_JUDGEMENT.with("Buren willen er samen uitkomen."),
        MediationCaseProcess.ROUTE.with("FACE_TO_FACE"), CaseVariables.MEDIATOR.with("anna"),
        MediationCaseProcess.HOURLY_RATE.with(110.0)));

    // intakes: invitations, both questionnaires in, both conversations held by the mediator
    ProcessJobs.executeAt(managementService, instance, IntakeProcess.Elements.INTAKE_INVITATION);
    List<Party> both = partiesOf(caseNumber);
    both.forEach(party -> IntakeProcess.intakeSubmitted(runtimeService, caseNumber, party.getId().toString())
        .correlate());
    List<Task> conversations = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey(IntakeProcess.Elements.INTAKE_CONVERSATION).list();
    assertThat(conversations).hasSize(2).allSatisfy(conversation -> assertThat(conversation).hasCandidateUser("anna"));
    conversations.forEach(conversation -> taskService.complete(conversation.getId(),
        ProcessVariable.map(IntakeProcess.CONVERSATION_CHANNEL.with("IN_PERSON"),
            IntakeProcess.ONLINE_EXPLAINED.with(true))));
    ProcessJobs.executeAt(managementService, instance, MediationAgreementProcess.Elements.CAN_START_MAIL);

    // the mediation agreement: made, checked by the mediator, signed by both
    ProcessJobs.executeAt(managementService, instance, MediationAgreementProcess.Elements.MAKE_AGREEMENT);
    Task review = task(instance, MediationAgreementProcess.Elements.REVIEW_AGREEMENT);
    assertThat(review).hasCandidateUser("anna");
    taskService.complete(review.getId(), ProcessVariable.map(MediationAgreementProcess.AGREEMENT_APPROVED.with(true)));
    signAll(instance, "MEDIATION_AGREEMENT", MediationAgreementProcess.Elements.SIGN_AGREEMENT);

    // one session at the table, reported by the mediator with the hours
    ProcessJobs.executeAt(managementService, instance, MediationCaseProcess.Elements.FACE_TO_FACE);
    ProcessInstance sessions = called(instance, FaceToFaceProcess.KEY);
    assertThat(task(sessions, FaceToFaceProcess.Elements.PLAN_SESSION)).hasCandidateGroup("secretariat");
    holdJointSessionAtTheTable(sessions, 3.0, FaceToFaceProcess.AGREEMENT);

    // the settlement: drafted, reviewed, signed, paper copies, the signed PDF by mail
    Task draft = task(instance, SettlementProcess.Elements.DRAFT_SETTLEMENT);
    assertThat(draft).hasCandidateUser("anna");
    taskService.complete(draft.getId(), ProcessVariable.map(
        SettlementProcess.SETTLEMENT_POINTS.with("Jan snoeit de takken.\nDe schutting blijft staan.")));
    ProcessJobs.executeAt(managementService, instance, SettlementProcess.Elements.MAKE_SETTLEMENT);
    ProcessJobs.executeAt(managementService, instance, SettlementProcess.Elements.SETTLEMENT_REVIEW_MAIL);
    ProcessJobs.executeAt(managementService, instance, SettlementProcess.Elements.REVIEW_PERIOD_TIMER);
    signAll(instance, "SETTLEMENT_AGREEMENT", SettlementProcess.Elements.SIGN_SETTLEMENT);
    Task paper = task(instance, SettlementProcess.Elements.SEND_PAPER_COPIES);
    assertThat(paper).hasCandidateGroup("secretariat");
    taskService.complete(paper.getId(), ProcessVariable.map(
        SettlementProcess.PAPER_COPIES_SENT_ON.with(TestClock.today().toString()),
        SettlementProcess.PAPER_COPIES_CHECKED.with(true)));
    ProcessJobs.executeAt(managementService, instance, SettlementProcess.Elements.SIGNED_SETTLEMENT_MAIL);

    // closing
    ProcessJobs.executeAt(managementService, instance, ClosingProcess.Elements.MAKE_COST_STATEMENT);
    ProcessJobs.executeAt(managementService, instance, ClosingProcess.Elements.COST_STATEMENT_MAIL);
    ProcessJobs.executeAt(managementService, instance, ClosingProcess.Elements.EVALUATION_MAIL);

    assertThat(instance).isEnded().hasPassed(MediationCaseProcess.Elements.CLOSED);
    MediationCase closed = cases.findById(caseNumber).orElseThrow();
    assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(closed.getHoursSpent()).isEqualByComparingTo("3");
    assertThat(documents.ofCase(caseNumber)).extracting(StoredDocument::documentType)
        .contains("MEDIATION_AGREEMENT", "SETTLEMENT_AGREEMENT", "COST_STATEMENT");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).count()).isZero();

    List<MailLog> mails = mailLog.findByCaseNumberOrderByCreatedAtDesc(caseNumber);
    for (Party party : both) {
      assertThat(mails).filteredOn(mail -> mail.getRecipientEmail().equals(party.getEmail()))
          .extracting(MailLog::getTemplate)
          .as("every mail %s should have had", party.getName())
          .contains("intake-invitation", "signing-request", "session-invitation", "session-reminder",
              "settlement-review", "settlement-signed", "cost-statement", "evaluation");
    }
    assertThat(mails).filteredOn(mail -> mail.getRecipientEmail().equals("anna@mediatafel.example"))
        .extracting(MailLog::getTemplate).contains("mediation-can-start", "session-invitation");
    assertThat(mails).extracting(MailLog::getStatus).doesNotContain(MailLog.Status.FAILED);
  }

  /** What the portal's sign page does for every party: record the signature, then tell the signing process. */
  private void signAll(ProcessInstance instance, String documentType, String callActivity) {
    ProcessJobs.executeAt(managementService, instance, callActivity);
    ProcessInstance signing = called(instance, SigningProcess.KEY);
    ProcessJobs.executeAt(managementService, signing, SigningProcess.Elements.SIGNING_REQUEST_MAIL);
    StoredDocument document = documents.current(instance.getBusinessKey(), documentType).orElseThrow();
    for (Party party : partiesOf(instance.getBusinessKey())) {
      signInPortal(instance.getBusinessKey(), document.id(), party.getId());
    }
    assertThat(signing).isEnded();
  }
}
