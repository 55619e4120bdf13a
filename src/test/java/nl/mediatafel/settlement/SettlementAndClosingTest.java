package nl.mediatafel.settlement;

import static nl.mediatafel.cases.MediationCaseProcess.Elements.ADVISOR_CONSULTATION_MAIL;
import static nl.mediatafel.cases.MediationCaseProcess.Elements.CHOOSE_ROUTE;
import static nl.mediatafel.cases.MediationCaseProcess.Elements.CLOSED;
import static nl.mediatafel.cases.MediationCaseProcess.Elements.FACE_TO_FACE;
import static nl.mediatafel.closing.ClosingProcess.Elements.COST_STATEMENT_MAIL;
import static nl.mediatafel.closing.ClosingProcess.Elements.EVALUATION_MAIL;
import static nl.mediatafel.closing.ClosingProcess.Elements.MAKE_COST_STATEMENT;
import static nl.mediatafel.settlement.SettlementProcess.Elements.DRAFT_SETTLEMENT;
import static nl.mediatafel.settlement.SettlementProcess.Elements.MAKE_SETTLEMENT;
import static nl.mediatafel.settlement.SettlementProcess.Elements.REVIEW_EXTENDED_MAIL;
import static nl.mediatafel.settlement.SettlementProcess.Elements.REVIEW_PERIOD_TIMER;
import static nl.mediatafel.settlement.SettlementProcess.Elements.SEND_PAPER_COPIES;
import static nl.mediatafel.settlement.SettlementProcess.Elements.SETTLEMENT_REVIEW_MAIL;
import static nl.mediatafel.settlement.SettlementProcess.Elements.SIGNED_SETTLEMENT_MAIL;
import static nl.mediatafel.settlement.SettlementProcess.Elements.SIGN_SETTLEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mediatafel.cases.CaseRequest;
import nl.mediatafel.cases.CaseStatus;
import nl.mediatafel.cases.MediationCase;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.cases.MediationCaseRepository;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.Route;
import nl.mediatafel.cases.TerminationProcess;
import nl.mediatafel.cases.Withdrawals;
import nl.mediatafel.closing.ClosingProcess;
import nl.mediatafel.deadlines.BusinessCalendar;
import nl.mediatafel.documents.DocumentService;
import nl.mediatafel.documents.StoredDocument;
import nl.mediatafel.forum.ForumParticipant;
import nl.mediatafel.forum.ForumService;
import nl.mediatafel.forum.ForumThread;
import nl.mediatafel.forum.OnlineMediationProcess;
import nl.mediatafel.platform.CaseFixtures;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.PdfArchive;
import nl.mediatafel.platform.PdfText;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.ProcessScenario;
import nl.mediatafel.platform.ReceivedMail;
import nl.mediatafel.platform.TestClock;
import nl.mediatafel.platform.TestMailServer;
import nl.mediatafel.portal.PortalLinks;
import nl.mediatafel.process.ProcessVariable;
import nl.mediatafel.sessions.FaceToFaceProcess;
import nl.mediatafel.sessions.SessionProcess;
import nl.mediatafel.signing.SigningProcess;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scenarios of {@code processes/mediation-case.bpmn} after the sessions: the settlement agreement (draft, review
 * period with advisor consultation, signing, paper copies), the route switch, and closing (cost statement from the
 * recorded hours, evaluation, retention). Real engine with the job executor off, real mail through GreenMail; the
 * earlier stages are skipped with {@link CaseFixtures#atSessions} (their own scenarios cover them).
 */
@MediatafelTest
class SettlementAndClosingTest extends ProcessScenario {

  private static final String REQUEST = """
      {"conflictType": "NEIGHBOURS", "summary": "Schutting en overhangende takken", "escalation": "MEDIUM",
       "preferredRoute": "FACE_TO_FACE", "safetyConcern": false,
       "parties": [{"name": "Jan de Boer", "email": "jan.settle@example.nl", "language": "nl", "payer": "SELF",
                    "advisor": {"name": "Mr. P. Smit", "email": "smit.settle@advocaat.example"}},
                   {"name": "Emma Clarke", "email": "emma.settle@example.co.uk", "language": "en", "payer": "SELF"}]}
      """;

  @Autowired MediationCaseRepository cases;
  @Autowired DocumentService documents;
  @Autowired SettlementDrafts drafts;
  @Autowired PortalLinks portalLinks;
  @Autowired BusinessCalendar calendar;
  @Autowired ForumService forum;

  @BeforeEach
  void setUp() throws Exception {
    BpmnAwareTests.init(engine);
    TestMailServer.purge();
  }

  @Test
  void anAgreementAtTheTableEndsInASignedSettlementPaperCopiesACostStatementAndAClosedDossier() throws Exception {
    ProcessInstance instance = CaseFixtures.atSessions(requests, runtimeService, taskService, REQUEST,
        "FACE_TO_FACE", "anna");
    holdSession(instance, 2.5, FaceToFaceProcess.AGREEMENT);
    assertThat(status(instance)).isEqualTo("AGREEMENT_REACHED");

    Task draft = task(instance, DRAFT_SETTLEMENT);
    assertThat(draft).hasCandidateUser("anna");
    taskService.complete(draft.getId(), ProcessVariable.map(
        SettlementProcess.SETTLEMENT_POINTS.with(
            "1. Jan snoeit de takken voor 1 maart.\n\n  2) Emma betaalt de helft van de nieuwe schutting.  \n")));
    assertThat(drafts.currentPoints(instance.getBusinessKey())).containsExactly(
        "Jan snoeit de takken voor 1 maart.", "Emma betaalt de helft van de nieuwe schutting.");
    ProcessInstance settlementStage = stage(instance, SettlementProcess.KEY);
    assertThat(runtimeService.getVariables(settlementStage.getId()))
        .as("the points live in the settlement table only").doesNotContainKey("settlementPoints");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(settlementStage.getId())
        .variableName("settlementPoints").count()).as("not in Camunda's history either").isZero();
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(settlementStage.getId()).variableUpdates()
        .list())
        .extracting(detail -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getVariableName())
        .doesNotContain("settlementPoints");

    ProcessJobs.executeAt(managementService, instance, MAKE_SETTLEMENT);
    StoredDocument settlement = documents.current(instance.getBusinessKey(), "SETTLEMENT_AGREEMENT").orElseThrow();
    assertThat(PdfText.of(settlement.content())).as("the document numbers the points once, not \"1. 1.\"")
        .contains("1. Jan snoeit de takken voor 1 maart.", "2. Emma betaalt de helft van de nieuwe schutting.",
            "Jan de Boer", "Emma Clarke")
        .doesNotContain("1. 1.", "2. 2)");
    PdfArchive.assertPdfA(settlement.content());

    ProcessJobs.executeAt(managementService, instance, SETTLEMENT_REVIEW_MAIL);
    assertThat(received()).extracting(ReceivedMail::to).containsExactlyInAnyOrder(
        "jan.settle@example.nl", "emma.settle@example.co.uk", "smit.settle@advocaat.example");
    assertThat(received()).allSatisfy(mail -> {
      assertThat(mail.attachmentTypes()).containsExactly("application/pdf");
      assertThat(mail.portalLink()).doesNotEndWith("/sign");
    });
    String janLink = mailTo("jan.settle@example.nl").portalLink();
    assertThat(mailTo("jan.settle@example.nl").text()).as("the deadline in words, not Date.toString()")
        .containsPattern("De bedenktijd loopt tot \\d{1,2} \\p{L}+ 20\\d\\d");
    assertThat(stage(instance, SettlementProcess.KEY)).isWaitingAt(REVIEW_PERIOD_TIMER);

    ProcessJobs.executeAt(managementService, instance, REVIEW_PERIOD_TIMER);
    ProcessJobs.executeAt(managementService, instance, SIGN_SETTLEMENT);
    ProcessInstance signing = called(instance, SIGN_SETTLEMENT, SigningProcess.KEY);
    ProcessJobs.executeAt(managementService, signing, SigningProcess.Elements.SIGNING_REQUEST_MAIL);
    for (Party party : partiesOf(instance)) {
      sign(instance, party, settlement.id().toString());
    }

    Task paperCopies = task(instance, SEND_PAPER_COPIES);
    assertThat(paperCopies).hasCandidateGroup("secretariat");
    taskService.complete(paperCopies.getId(), ProcessVariable.map(
        SettlementProcess.PAPER_COPIES_SENT_ON.with(TestClock.today().toString()),
        SettlementProcess.PAPER_COPIES_CHECKED.with(true)));
    TestMailServer.purge();
    ProcessJobs.executeAt(managementService, instance, SIGNED_SETTLEMENT_MAIL);
    ReceivedMail signed = mailTo("emma.settle@example.co.uk");
    assertThat(signed.subject()).isEqualTo("The signed settlement agreement (" + instance.getBusinessKey() + ")");
    StoredDocument signedVersion = documents.current(instance.getBusinessKey(), "SETTLEMENT_AGREEMENT").orElseThrow();
    assertThat(signedVersion.signedFrom()).as("the signed version is a new version of the draft")
        .isEqualTo(settlement.id());
    assertThat(signedVersion.version()).isEqualTo(settlement.version() + 1);
    assertThat(signedVersion.sha256()).isNotEqualTo(settlement.sha256());
    assertThat(signed.attachmentContents().get(0)).as("what parties get mailed is the stored signed version")
        .isEqualTo(signedVersion.content());
    assertThat(signed.attachmentNames()).containsExactly(signedVersion.fileName());
    assertThat(PdfText.of(signedVersion.content())).as("the draft's pages and the signature page")
        .contains("Jan snoeit de takken", "SHA-256 van het origineel (versie " + settlement.version() + "): "
            + settlement.sha256())
        .contains("Jan de Boer, Partij Digitaal, in het portaal", "jan.settle@example.nl",
            "Emma Clarke, Partij Digitaal, in het portaal", "emma.settle@example.co.uk")
        .contains("versie " + signedVersion.version() + ", ondertekende versie van versie " + settlement.version());
    PdfArchive.assertPdfA(signedVersion.content());
    assertThat(documents.ofCase(instance.getBusinessKey())).as("the dossier keeps the draft, superseded")
        .filteredOn(document -> document.documentType().equals("SETTLEMENT_AGREEMENT"))
        .extracting(StoredDocument::version, StoredDocument::isCurrent)
        .contains(org.assertj.core.groups.Tuple.tuple(settlement.version(), false),
            org.assertj.core.groups.Tuple.tuple(signedVersion.version(), true));
    assertThat(status(instance)).isEqualTo("SETTLED");

    TestMailServer.purge();
    ProcessJobs.executeAt(managementService, instance, MAKE_COST_STATEMENT);
    StoredDocument costs = documents.current(instance.getBusinessKey(), "COST_STATEMENT").orElseThrow();
    assertThat(PdfText.of(costs.content())).as("2.5 hours × € 120.00, plus 21% VAT, split in two")
        .contains("2,50", "300,00", "63,00", "363,00", "Jan de Boer Eigen rekening € 181,50 € 181,50 € 0,00",
            "Emma Clarke Eigen rekening € 181,50");
    PdfArchive.assertPdfA(costs.content());
    ProcessJobs.executeAt(managementService, instance, COST_STATEMENT_MAIL);
    ProcessJobs.executeAt(managementService, instance, EVALUATION_MAIL);
    assertThat(received()).extracting(ReceivedMail::to).containsExactlyInAnyOrder(
        "jan.settle@example.nl", "emma.settle@example.co.uk", "jan.settle@example.nl", "emma.settle@example.co.uk");
    assertThat(received()).filteredOn(mail -> mail.to().equals("jan.settle@example.nl"))
        .extracting(ReceivedMail::subject, mail -> mail.attachmentTypes().size()).containsExactly(
            org.assertj.core.groups.Tuple.tuple("Kostenoverzicht van uw mediation (" + instance.getBusinessKey() + ")", 1),
            org.assertj.core.groups.Tuple.tuple("Hoe hebt u de mediation ervaren? (" + instance.getBusinessKey() + ")", 0));

    assertThat(instance).isEnded().hasPassed(CLOSED);
    MediationCase closed = cases.findById(instance.getBusinessKey()).orElseThrow();
    assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(closed.getClosedAt()).isNotNull();
    assertThat(closed.getRetainUntil()).isEqualTo(LocalDate.ofInstant(closed.getClosedAt(),
        ZoneId.of("Europe/Amsterdam"))
        .plusYears(5));
    assertThat(portalLinks.verify(janLink.substring(janLink.indexOf("/portal/") + 8).split("/")[0]))
        .as("a closed case has no portal any more").isEmpty();
  }

  @Test
  void aPartyAskingToConsultAnAdvisorMovesTheReviewPeriodFromItsEndAndTheMediatorHearsOfIt() throws Exception {
    ProcessInstance instance = toReviewPeriod();
    Date before = reviewDeadline(instance);
    // the clock is set three days later: counting from now would end before 'before + 5 business days'
    Instant later = TestClock.now().plus(3, ChronoUnit.DAYS);
    TestClock.setTo(later);
    Party jan = partiesOf(instance).get(0);
    TestMailServer.purge();

    var result = MediationCaseProcess.advisorConsultationRequested(runtimeService, instance.getBusinessKey(),
        jan.getId().toString()).correlateAllWithResult();

    assertThat(result).as("the review period and the case-wide listener both react").hasSize(2);
    ProcessJobs.executeAt(managementService, instance, SettlementProcess.Elements.EXTEND_REVIEW_PERIOD);
    Date after = reviewDeadline(instance);
    Date expected = Date.from(calendar.addBusinessDays(before.toInstant(), 5));
    assertThat(after).as("five business days after the end the parties had, not after now")
        .isEqualTo(expected).isNotEqualTo(Date.from(calendar.addBusinessDays(later, 5)));
    Job timer = managementService.createJobQuery().processInstanceId(stage(instance, SettlementProcess.KEY).getId())
        .activityId(REVIEW_PERIOD_TIMER).singleResult();
    assertThat(timer.getDuedate()).isEqualTo(expected);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey()).list())
        .as("no open task keeps the old end of the review period")
        .allSatisfy(task -> assertThat(task.getDueDate()).isNotEqualTo(before));
    ProcessJobs.executeAt(managementService, instance, REVIEW_EXTENDED_MAIL);
    ProcessJobs.executeAt(managementService, instance, ADVISOR_CONSULTATION_MAIL);
    assertThat(mailTo("anna@mediatafel.example").text()).contains("Jan de Boer");
    String newDateNl = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
        .withLocale(Locale.forLanguageTag("nl")).withZone(ZoneId.of("Europe/Amsterdam")).format(expected.toInstant());
    String newDateEn = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
        .withLocale(Locale.forLanguageTag("en")).withZone(ZoneId.of("Europe/Amsterdam")).format(expected.toInstant());
    assertThat(mailTo("jan.settle@example.nl").subject()).startsWith("Bedenktijd verlengd");
    assertThat(mailTo("jan.settle@example.nl").text()).contains("verlengd tot " + newDateNl);
    assertThat(mailTo("smit.settle@advocaat.example").text()).contains("verlengd tot " + newDateNl);
    assertThat(mailTo("emma.settle@example.co.uk").subject()).startsWith("Review period extended");
    assertThat(mailTo("emma.settle@example.co.uk").text()).contains(newDateEn);
    assertThat(stage(instance, SettlementProcess.KEY)).isWaitingAt(REVIEW_PERIOD_TIMER);

    TestClock.setTo(expected.toInstant().minusSeconds(60));
    String settlementId = stage(instance, SettlementProcess.KEY).getId();
    assertThat(managementService.createJobQuery().processInstanceId(settlementId).activityId(REVIEW_PERIOD_TIMER)
        .executable().count()).as("not due before the new end").isZero();
    TestClock.setTo(expected.toInstant().plusSeconds(1));
    assertThat(managementService.createJobQuery().processInstanceId(settlementId).activityId(REVIEW_PERIOD_TIMER)
        .executable().count()).as("due at the new end").isOne();
  }

  @Test
  void aConsultationOutsideTheReviewPeriodOnlyTellsTheMediator() throws Exception {
    ProcessInstance instance = CaseFixtures.atSessions(requests, runtimeService, taskService, REQUEST,
        "FACE_TO_FACE", "bram");
    Party emma = partiesOf(instance).get(1);

    var result = MediationCaseProcess.advisorConsultationRequested(runtimeService, instance.getBusinessKey(),
        emma.getId().toString()).correlateAllWithResult();

    assertThat(result).hasSize(1);
    ProcessJobs.executeAt(managementService, instance, ADVISOR_CONSULTATION_MAIL);
    assertThat(received()).singleElement().satisfies(mail -> {
      assertThat(mail.to()).isEqualTo("bram@mediatafel.example");
      assertThat(mail.text()).contains("Emma Clarke");
    });
  }

  @Test
  void noAgreementGoesStraightToClosingAndBillsTheHoursOfTheSessions() throws Exception {
    ProcessInstance instance = CaseFixtures.atSessions(requests, runtimeService, taskService, REQUEST,
        "FACE_TO_FACE", "anna");
    holdSession(instance, 1.75, FaceToFaceProcess.NO_AGREEMENT);

    assertThat(instance).hasPassed(MediationCaseProcess.Elements.NO_AGREEMENT)
        .hasNotPassed(MediationCaseProcess.Elements.SETTLEMENT);
    Task record = task(instance, MediationCaseProcess.Elements.RECORD_NO_AGREEMENT);
    assertThat(record).hasCandidateUser("anna");
    taskService.complete(record.getId(), ProcessVariable.map(
        MediationCaseProcess.TERMINATION_NOTE.with("Wel afspraken over de omgang; geen akkoord over de schutting."),
        MediationCaseProcess.REFER_BACK.with(true)));
    ProcessJobs.executeAt(managementService, instance, MAKE_COST_STATEMENT);
    StoredDocument costs = documents.current(instance.getBusinessKey(), "COST_STATEMENT").orElseThrow();
    assertThat(PdfText.of(costs.content())).as("1.75 hours × € 120.00").contains("1,75", "210,00");
    ProcessJobs.executeAt(managementService, instance, COST_STATEMENT_MAIL);
    ProcessJobs.executeAt(managementService, instance, EVALUATION_MAIL);
    assertThat(instance).isEnded().hasPassed(CLOSED);
    assertThat(status(instance)).isEqualTo("CLOSED");
  }

  @Test
  void aRouteSwitchAsksTheMediatorForANewRouteAndKeepsTheHoursSoFar() throws Exception {
    ProcessInstance instance = CaseFixtures.atSessions(requests, runtimeService, taskService, REQUEST,
        "FACE_TO_FACE", "anna");
    holdSession(instance, 2.0, FaceToFaceProcess.SWITCH_ROUTE);
    assertThat(status(instance)).isEqualTo("SWITCH_ROUTE");
    Task choose = task(instance, CHOOSE_ROUTE);
    assertThat(choose).hasCandidateUser("anna");
    assertThat(choose.getDueDate()).as("two business days, from setDeadline")
        .isEqualTo(MediationCaseProcess.ROUTE_CHOICE_DEADLINE.from(runtimeService, instance.getId()).orElse(null));
    java.time.ZonedDateTime due = choose.getDueDate().toInstant().atZone(ZoneId.of("Europe/Amsterdam"));
    assertThat(due.getDayOfWeek()).isNotIn(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY);
    assertThat(due.toLocalTime()).isEqualTo(java.time.LocalTime.of(17, 0));

    assertThatThrownBy(() -> taskService.complete(choose.getId(), ProcessVariable.map(
        MediationCaseProcess.NEW_ROUTE.with("FACE_TO_FACE"),
        MediationCaseProcess.ROUTE_SWITCH_REASON.with("Toch weer aan tafel"))))
        .hasMessageContaining("Nieuwe route: dit is de huidige route");
    assertThatThrownBy(() -> taskService.complete(choose.getId(), ProcessVariable.map(
        MediationCaseProcess.NEW_ROUTE.with("HYBRID"),
        MediationCaseProcess.ROUTE_SWITCH_REASON.with(" ")))).hasMessageContaining("Reden");
    taskService.complete(choose.getId(), ProcessVariable.map(MediationCaseProcess.NEW_ROUTE.with("HYBRID"),
        MediationCaseProcess.ROUTE_SWITCH_REASON.with("Partijen willen de laatste bijeenkomst deels online.")));

    assertThat(cases.findById(instance.getBusinessKey()).orElseThrow().getRoute()).isEqualTo(Route.HYBRID);
    holdSession(instance, 1.5, FaceToFaceProcess.AGREEMENT);
    assertThat(cases.findById(instance.getBusinessKey()).orElseThrow().getHoursSpent())
        .isEqualByComparingTo("3.5");
    assertThat(MediationCaseProcess.HOURS_SPENT.from(runtimeService, instance.getId()).orElse(null)).isEqualTo(3.5);
    assertThat(stage(instance, SettlementProcess.KEY)).isWaitingAt(DRAFT_SETTLEMENT);
  }

  @Test
  void aSwitchToTheForumRunsTheOnlineRouteForTheSameCaseAndAddsItsHours() throws Exception {
    ProcessInstance instance = CaseFixtures.atSessions(requests, runtimeService, taskService, REQUEST,
        "FACE_TO_FACE", "anna");
    holdSession(instance, 2.0, FaceToFaceProcess.SWITCH_ROUTE);
    taskService.complete(task(instance, CHOOSE_ROUTE).getId(), ProcessVariable.map(
        MediationCaseProcess.NEW_ROUTE.with("ONLINE_ASYNC"),
        MediationCaseProcess.ROUTE_SWITCH_REASON.with("Emma verhuist naar Engeland; verder via het forum.")));

    ProcessJobs.executeAt(managementService, instance, MediationCaseProcess.Elements.ONLINE);
    ProcessInstance online = called(instance, MediationCaseProcess.Elements.ONLINE, OnlineMediationProcess.KEY);
    assertThat(online.getBusinessKey()).isEqualTo(instance.getBusinessKey());
    Task open = taskService.createTaskQuery().processInstanceId(online.getId())
        .taskDefinitionKey(OnlineMediationProcess.Elements.OPEN_FORUM_ROUND).singleResult();
    assertThat(open).as("an ONLINE_ASYNC route starts with a forum round").isNotNull();
    assertThat(open).hasCandidateUser("anna");
    forum.post(ForumThread.joint(instance.getBusinessKey()), ForumParticipant.mediator(instance.getBusinessKey(),
        "anna"), "Welkom op het forum.");
    taskService.complete(open.getId(), ProcessVariable.map(
        OnlineMediationProcess.FORUM_REACTION_BUSINESS_DAYS.with(3L)));
    for (Party party : partiesOf(instance)) {
      forum.post(ForumThread.joint(instance.getBusinessKey()), ForumParticipant.party(instance.getBusinessKey(),
          party.getId()), "Mijn reactie.");
    }
    Task close = taskService.createTaskQuery().processInstanceId(online.getId())
        .taskDefinitionKey(OnlineMediationProcess.Elements.CLOSE_FORUM_ROUND).singleResult();
    taskService.complete(close.getId(), ProcessVariable.map(OnlineMediationProcess.FORUM_ROUND_HOURS.with(1.25),
        OnlineMediationProcess.NEXT_STEP.with(OnlineMediationProcess.AGREEMENT)));

    assertThat(instance).hasPassed(MediationCaseProcess.Elements.ONLINE)
        .isWaitingAt(MediationCaseProcess.Elements.SETTLEMENT);
    assertThat(stage(instance, SettlementProcess.KEY)).isWaitingAt(DRAFT_SETTLEMENT);
    assertThat(cases.findById(instance.getBusinessKey()).orElseThrow().getHoursSpent())
        .as("2 hours at the table and 1.25 on the forum").isEqualByComparingTo("3.25");
  }

  @Test
  void aVideoCaseRunsItsSessionsOnlineAndGoesOnToTheSettlementWithTheirHours() throws Exception {
    ProcessInstance instance = CaseFixtures.atSessions(requests, runtimeService, taskService, REQUEST,
        "ONLINE_VIDEO", "bram");
    ProcessJobs.executeAt(managementService, instance, MediationCaseProcess.Elements.ONLINE);
    ProcessInstance online = called(instance, MediationCaseProcess.Elements.ONLINE, OnlineMediationProcess.KEY);
    Task plan = taskService.createTaskQuery().processInstanceId(online.getId())
        .taskDefinitionKey(OnlineMediationProcess.Elements.PLAN_VIDEO_SESSION).singleResult();
    assertThat(plan).as("an ONLINE_VIDEO route starts with planning a video session").isNotNull();
    assertThat(plan).hasCandidateGroup("secretariat");
    java.time.ZonedDateTime start = TestClock.now().atZone(ZoneId.of("Europe/Amsterdam")).plusDays(14)
        .withHour(10).withMinute(0).withSecond(0).withNano(0);
    Map<String, Object> video = new HashMap<>();
    SessionProcess.SESSION_KIND.putIn(video, "JOINT");
    SessionProcess.SESSION_DATE.putIn(video, start.toLocalDate().toString());
    SessionProcess.SESSION_START_TIME.putIn(video, "10:00");
    SessionProcess.SESSION_DURATION_MINUTES.putIn(video, "120");
    SessionProcess.SESSION_VIDEO_LINK.putIn(video, "https://video.mediatafel.example/room/42");
    SessionProcess.PRACTICE_WANTED.putIn(video, false);
    taskService.complete(plan.getId(), video);
    ProcessInstance session = session(online);
    ProcessJobs.executeAt(managementService, session, SessionProcess.Elements.INVITATION_MAIL);
    assertThat(received()).extracting(ReceivedMail::to)
        .contains("jan.settle@example.nl", "emma.settle@example.co.uk");
    ProcessJobs.executeAt(managementService, session, SessionProcess.Elements.REMINDER_TIMER);
    ProcessJobs.executeAt(managementService, session, SessionProcess.Elements.REMINDER_MAIL);
    ProcessJobs.executeAt(managementService, session, SessionProcess.Elements.SESSION_END_TIMER);
    Task report = taskService.createTaskQuery().processInstanceId(session.getId())
        .taskDefinitionKey(SessionProcess.Elements.VIDEO_SESSION_REPORT).singleResult();
    assertThat(report).hasCandidateUser("bram");
    taskService.complete(report.getId(), ProcessVariable.map(SessionProcess.SESSION_HOURS.with(2.0),
        SessionProcess.SESSION_SUMMARY.with("Goed gesprek"),
        OnlineMediationProcess.NEXT_STEP.with(OnlineMediationProcess.AGREEMENT)));

    assertThat(stage(instance, SettlementProcess.KEY)).isWaitingAt(DRAFT_SETTLEMENT);
    assertThat(task(instance, DRAFT_SETTLEMENT)).hasCandidateUser("bram");
    assertThat(cases.findById(instance.getBusinessKey()).orElseThrow().getHoursSpent()).isEqualByComparingTo("2");
  }

  @Test
  void aPartyWhoWithdrawsDuringTheSessionsEndsTheSessionsAndTheCaseAndGetsTheCostsOfTheHoursSoFar()
      throws Exception {
    ProcessInstance instance = CaseFixtures.atSessions(requests, runtimeService, taskService, REQUEST,
        "FACE_TO_FACE", "anna");
    ProcessJobs.executeAt(managementService, instance, FACE_TO_FACE);
    ProcessInstance sessions = called(instance, FACE_TO_FACE, FaceToFaceProcess.KEY);
    holdJointSessionAtTheTable(sessions, 1.5, "JOINT");
    TestMailServer.purge();

    runtimeService.createMessageCorrelation(MediationCaseProcess.Messages.PARTY_WITHDREW)
        .processInstanceBusinessKey(instance.getBusinessKey())
        .setVariable(Withdrawals.WITHDRAWN_PARTY_ID.name(), partiesOf(instance).get(1).getId().toString())
        .correlate();

    assertThat(sessions).isEnded();
    ProcessJobs.executeAt(managementService, instance, MediationCaseProcess.Elements.CANCEL_PLANNED_SESSIONS);
    ProcessJobs.executeAt(managementService, instance, TerminationProcess.Elements.TERMINATION_MAIL);
    assertThat(received()).extracting(ReceivedMail::to)
        .contains("jan.settle@example.nl", "emma.settle@example.co.uk");
    taskService.complete(task(instance, TerminationProcess.Elements.RECORD_TERMINATION).getId(),
        ProcessVariable.map(TerminationProcess.TERMINATION_REASON.with("PARTY_WITHDREW"),
            MediationCaseProcess.REFER_BACK.with(false)));
    assertThat(status(instance)).isEqualTo("TERMINATED");
    assertThat(cases.findById(instance.getBusinessKey()).orElseThrow().getHoursSpent())
        .as("the hours of the route cut short count").isEqualByComparingTo("1.5");

    TestMailServer.purge();
    ProcessJobs.executeAt(managementService, instance, TerminationProcess.Elements.TERMINATION_COST_STATEMENT);
    StoredDocument costs = documents.current(instance.getBusinessKey(), "COST_STATEMENT").orElseThrow();
    assertThat(PdfText.of(costs.content())).as("1.5 hours × € 120.00 = € 180.00, plus 21% VAT").contains("1,50",
        "180,00", "37,80", "217,80");
    ProcessJobs.executeAt(managementService, instance,
        TerminationProcess.Elements.TERMINATION_COST_STATEMENT_MAIL);
    assertThat(received()).extracting(ReceivedMail::to).containsExactlyInAnyOrder(
        "jan.settle@example.nl", "emma.settle@example.co.uk");
    assertThat(mailTo("jan.settle@example.nl").subject())
        .isEqualTo("Kostenoverzicht van uw beëindigde mediation (" + instance.getBusinessKey() + ")");
    assertThat(mailTo("emma.settle@example.co.uk").subject())
        .isEqualTo("Cost statement of your ended mediation (" + instance.getBusinessKey() + ")");
    assertThat(received()).allSatisfy(mail -> assertThat(mail.attachmentTypes()).containsExactly("application/pdf"));
    assertThat(instance).isEnded().hasPassed(MediationCaseProcess.Elements.TERMINATION,
        MediationCaseProcess.Elements.TERMINATED).hasNotPassed(MediationCaseProcess.Elements.SETTLEMENT);
    assertThat(passedInCase(instance, TerminationProcess.Elements.TERMINATION_COST_STATEMENT_MAIL)).isTrue();
  }

  @Test
  void aPlatformFeeEnteredAtTriageIsNotChargedOnAFaceToFaceCase() throws Exception {
    CaseRequest request = new com.fasterxml.jackson.databind.ObjectMapper().readValue(REQUEST, CaseRequest.class);
    String caseNumber = requests.register(request, null).mediationCase().getCaseNumber();
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(MediationCaseProcess.KEY).singleResult();
    Task triage = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    taskService.complete(triage.getId(), ProcessVariable.map(
        MediationCaseProcess.TRIAGE_DECISION.with(MediationCaseProcess.ACCEPT),
        MediationCaseProcess.SUITABILITY_JUDGEMENT.with("Past"),
        MediationCaseProcess.ROUTE.with("FACE_TO_FACE"),
        nl.mediatafel.process.CaseVariables.MEDIATOR.with("anna"),
        MediationCaseProcess.HOURLY_RATE.with(120.0),
        MediationCaseProcess.PLATFORM_FEE.with(95.0)));
    runtimeService.createProcessInstanceModification(instance.getId())
        .startBeforeActivity(MediationCaseProcess.Elements.ROUTE_JOIN)
        .cancelAllForActivity(MediationCaseProcess.Elements.INTAKE + "#multiInstanceBody")
        .execute();
    holdSession(instance, 1.0, FaceToFaceProcess.NO_AGREEMENT);
    taskService.complete(task(instance, MediationCaseProcess.Elements.RECORD_NO_AGREEMENT).getId(),
        ProcessVariable.map(MediationCaseProcess.TERMINATION_NOTE.with("Geen akkoord."),
            MediationCaseProcess.REFER_BACK.with(false)));
    ProcessJobs.executeAt(managementService, instance, MAKE_COST_STATEMENT);

    String costs = PdfText.of(documents.current(caseNumber, "COST_STATEMENT").orElseThrow().content());
    assertThat(costs).as("1 hour × € 120.00 + 21% VAT, and no platform at the table")
        .contains("Totaal exclusief btw € 120,00", "Totaal inclusief btw € 145,20")
        .doesNotContain("platform", "95,00");
  }

  @Test
  void anEmptyDraftIsRefusedAndTheTaskStaysOpen() throws Exception {
    ProcessInstance instance = CaseFixtures.atSessions(requests, runtimeService, taskService, REQUEST,
        "FACE_TO_FACE", "anna");
    holdSession(instance, 1.0, FaceToFaceProcess.AGREEMENT);
    Task draft = task(instance, DRAFT_SETTLEMENT);

    assertThatThrownBy(() -> taskService.complete(draft.getId(), ProcessVariable.map(
        SettlementProcess.SETTLEMENT_POINTS.with(" \n \n"))))
        .hasMessageContaining("Afspraken: schrijf ten minste één afspraak op");
    assertThat(task(instance, DRAFT_SETTLEMENT).getId()).isEqualTo(draft.getId());
    assertThat(drafts.currentPoints(instance.getBusinessKey())).isEmpty();
  }

  @Test
  void anUnsignedSettlementStillClosesTheCase() throws Exception {
    ProcessInstance instance = toReviewPeriod();
    ProcessJobs.executeAt(managementService, instance, REVIEW_PERIOD_TIMER);
    ProcessJobs.executeAt(managementService, instance, SIGN_SETTLEMENT);
    ProcessInstance signing = called(instance, SIGN_SETTLEMENT, SigningProcess.KEY);
    ProcessJobs.executeAt(managementService, signing, SigningProcess.Elements.SIGNING_REQUEST_MAIL);
    managementService.createJobQuery().processInstanceId(signing.getId())
        .activityId(SigningProcess.Elements.DEADLINE_TIMER).list()
        .forEach(job -> managementService.executeJob(job.getId()));
    Task followUp = taskService.createTaskQuery().processInstanceId(signing.getId())
        .taskDefinitionKey(SigningProcess.Elements.FOLLOW_UP).list().get(0);
    taskService.complete(followUp.getId(), ProcessVariable.map(
        SigningProcess.SIGNING_FOLLOW_UP.with(SigningProcess.CANCEL),
        SigningProcess.SIGNING_CANCEL_REASON.with("Emma wil de tekst niet tekenen.")));

    assertThat(passedInCase(instance, SettlementProcess.Elements.SETTLEMENT_NOT_SIGNED)).isTrue();
    assertThat(passedInCase(instance, SEND_PAPER_COPIES)).isFalse();
    assertThat(status(instance)).isEqualTo("SETTLEMENT_NOT_SIGNED");
    assertThat(instance).hasPassed(MediationCaseProcess.Elements.SETTLEMENT)
        .isWaitingAt(MediationCaseProcess.Elements.CLOSING);
    assertThat(stage(instance, ClosingProcess.KEY)).isWaitingAt(MAKE_COST_STATEMENT);
  }

  // --- steps

  private ProcessInstance toReviewPeriod() throws Exception {
    ProcessInstance instance = CaseFixtures.atSessions(requests, runtimeService, taskService, REQUEST,
        "FACE_TO_FACE", "anna");
    holdSession(instance, 2.0, FaceToFaceProcess.AGREEMENT);
    taskService.complete(task(instance, DRAFT_SETTLEMENT).getId(),
        ProcessVariable.map(SettlementProcess.SETTLEMENT_POINTS.with("Jan snoeit de takken voor 1 maart.")));
    ProcessJobs.executeAt(managementService, instance, MAKE_SETTLEMENT);
    ProcessJobs.executeAt(managementService, instance, SETTLEMENT_REVIEW_MAIL);
    return instance;
  }

  /** Runs one joint session of the face-to-face process the case called, and reports it with these hours. */
  private void holdSession(ProcessInstance instance, double hours, String nextStep) throws Exception {
    ProcessJobs.executeAt(managementService, instance, FACE_TO_FACE);
    holdJointSessionAtTheTable(called(instance, FaceToFaceProcess.KEY), hours, nextStep);
    TestMailServer.purge();
  }

  /** The instance of {@code key} the case's stages called at {@code callActivity} (same business key). */
  private ProcessInstance called(ProcessInstance instance, String callActivity, String key) {
    return stage(instance, key);
  }

  private void sign(ProcessInstance instance, Party party, String documentId) {
    signInPortal(instance.getBusinessKey(), java.util.UUID.fromString(documentId), party.getId());
  }

  private Date reviewDeadline(ProcessInstance instance) {
    return SettlementProcess.SETTLEMENT_REVIEW_DEADLINE.required(runtimeService, stage(instance,
        SettlementProcess.KEY).getId());
  }

  private String status(ProcessInstance instance) {
    return cases.findById(instance.getBusinessKey()).orElseThrow().getStatus().name();
  }

  private List<Party> partiesOf(ProcessInstance instance) {
    return partiesOf(instance.getBusinessKey());
  }

  private static ReceivedMail mailTo(String address) {
    List<ReceivedMail> to = received().stream().filter(mail -> mail.to().equals(address)).toList();
    assertThat(to).as("mail to %s", address).isNotEmpty();
    return to.get(to.size() - 1);
  }

  private static List<ReceivedMail> received() {
    return Arrays.stream(TestMailServer.received()).map(ReceivedMail::of).toList();
  }
}
