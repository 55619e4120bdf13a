package nl.mediatafel.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.CaseStatus;
import nl.mediatafel.cases.MediationAgreementProcess;
import nl.mediatafel.cases.MediationCase;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.cases.Route;
import nl.mediatafel.documents.DocumentService;
import nl.mediatafel.portal.PortalAccess.Holder;
import nl.mediatafel.security.StaffNames;
import nl.mediatafel.sessions.Session;
import nl.mediatafel.sessions.SessionKind;
import nl.mediatafel.sessions.SessionRepository;
import nl.mediatafel.sessions.SessionStatus;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the portal's overview shows one holder of a link: the case's status and the stage its process is in, the next
 * steps the processes wait for from this party (with their deadlines), the mediator, the case's documents and the
 * upcoming sessions this holder may see: a party sees joint sessions and their own caucus sessions, an advisor only the
 * joint ones. An advisor has no next steps: only the party acts.
 */
@Service
class CaseOverview {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  /** Where the case's process stands, in the words of {@code portal.stage.*}. */
  enum Stage { REQUEST, INTAKE, AGREEMENT, SIGNING, SESSIONS, SETTLEMENT, CLOSING, ENDING }

  /** Something the processes wait for from this party: {@code portal.next.<kind>}, its page and its deadline. */
  record NextStep(String kind, String path, String documentType, String deadline) {}

  record DocumentRow(UUID id, String documentType, int version, String date, boolean current) {}

  record SessionRow(String date, String time, SessionKind kind, String location, boolean moved) {}

  /**
   * @param offersSigning whether the page list offers "Ondertekenen": only while a document waits for this party's
   *     signature (a next step on the signing page)
   * @param offersForum whether it offers the forum: only on a route with online sessions, not at the table only
   */
  record View(String caseNumber, CaseStatus status, Stage stage, String mediatorName, List<NextStep> nextSteps,
      List<DocumentRow> documents, List<SessionRow> sessions, boolean offersSigning, boolean offersForum) {}

  /** The routes whose sessions include the forum ({@code online-mediation}; hybrid is at the table and online). */
  static final Set<Route> FORUM_ROUTES = Set.of(Route.ONLINE_ASYNC, Route.ONLINE_VIDEO, Route.HYBRID);

  private final CaseDirectory caseDirectory;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final DocumentService documents;
  private final SessionRepository sessions;
  private final List<PortalNextSteps> features;
  private final Clock clock;

  CaseOverview(CaseDirectory caseDirectory, RuntimeService runtimeService, IdentityService identityService,
      DocumentService documents, SessionRepository sessions, List<PortalNextSteps> features, Clock clock) {
    this.caseDirectory = caseDirectory;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.documents = documents;
    this.sessions = sessions;
    this.features = features;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  View of(Holder holder) {
    MediationCase mediationCase = caseDirectory.find(holder.caseNumber()).orElseThrow();
    Locale locale = holder.party().locale();
    List<NextStep> nextSteps = holder.isAdvisor() ? List.of() : nextSteps(holder, locale);
    return new View(mediationCase.getCaseNumber(), mediationCase.getStatus(), stage(holder.caseNumber()),
        Optional.ofNullable(mediationCase.getMediator()).map(id -> StaffNames.fullName(identityService, id))
            .orElse(null),
        nextSteps,
        documents(holder.caseNumber(), locale),
        sessions(holder, locale),
        nextSteps.stream().anyMatch(step -> step.path().equals(PortalAction.SIGN.path())),
        mediationCase.getRoute() != null && FORUM_ROUTES.contains(mediationCase.getRoute()));
  }

  /** The stage of the running case process, from the activities it is in; empty when it does not run (any more). */
  Stage stage(String caseNumber) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(MediationCaseProcess.KEY).active().list().stream().findFirst().orElse(null);
    if (instance == null) {
      return null;
    }
    // the case and the stages it called (intake, mediation agreement with its signing, settlement, …)
    Set<String> active = new HashSet<>();
    for (ProcessInstance ofCase : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .active().list()) {
      collect(runtimeService.getActivityInstance(ofCase.getId()), active);
    }
    if (active.contains(MediationCaseProcess.Elements.PARTY_WITHDREW)) {
      return Stage.ENDING;
    }
    if (active.contains(MediationCaseProcess.Elements.CLOSING)
        || active.contains(MediationCaseProcess.Version1.CLOSING)) {
      return Stage.CLOSING;
    }
    if (active.contains(MediationCaseProcess.Elements.SETTLEMENT)
        || active.contains(MediationCaseProcess.Version1.SETTLEMENT)) {
      return Stage.SETTLEMENT;
    }
    if (active.contains(MediationCaseProcess.Elements.FACE_TO_FACE)
        || active.contains(MediationCaseProcess.Elements.ONLINE)
        || active.contains(MediationCaseProcess.Elements.CHOOSE_ROUTE)) {
      return Stage.SESSIONS;
    }
    if (active.contains(MediationAgreementProcess.Elements.SIGN_AGREEMENT)) {
      return Stage.SIGNING;
    }
    if (active.contains(MediationCaseProcess.Elements.INTAKE)
        || active.contains(MediationCaseProcess.Version1.INTAKE)) {
      return Stage.INTAKE;
    }
    if (active.contains(MediationCaseProcess.Elements.TRIAGE)
        || active.contains(MediationCaseProcess.Elements.ROUTE_ADVICE)) {
      return Stage.REQUEST;
    }
    return Stage.AGREEMENT;
  }

  private static void collect(ActivityInstance instance, Set<String> ids) {
    if (instance == null) {
      return;
    }
    ids.add(instance.getActivityId());
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collect(child, ids);
    }
  }

  private List<NextStep> nextSteps(Holder holder, Locale locale) {
    List<NextStep> steps = new ArrayList<>();
    for (PortalNextSteps feature : features) {
      for (PortalNextSteps.Step step : feature.waitingFor(holder.caseNumber(), holder.party().getId())) {
        steps.add(new NextStep(step.kind(), step.page().path(), step.documentType(),
            dateTime(step.deadline(), locale)));
      }
    }
    return steps;
  }

  private List<DocumentRow> documents(String caseNumber, Locale locale) {
    return documents.ofCase(caseNumber).stream()
        .sorted(Comparator.comparing(nl.mediatafel.documents.StoredDocument::createdAt).reversed())
        .map(d -> new DocumentRow(d.id(), d.documentType(), d.version(), date(d.createdAt(), locale), d.isCurrent()))
        .toList();
  }

  private List<SessionRow> sessions(Holder holder, Locale locale) {
    Instant now = clock.instant();
    UUID partyId = holder.party().getId();
    return sessions.findByCaseNumberOrderByStartsAt(holder.caseNumber()).stream()
        .filter(s -> s.getStatus() == SessionStatus.PLANNED || s.getStatus() == SessionStatus.MOVED)
        .filter(s -> s.getEndsAt().isAfter(now))
        .filter(s -> s.getKind() == SessionKind.JOINT
            || (!holder.isAdvisor() && partyId.equals(s.getCaucusPartyId())))
        .map(s -> new SessionRow(date(s.getStartsAt(), locale), time(s, locale), s.getKind(), s.getLocation(),
            s.getStatus() == SessionStatus.MOVED))
        .toList();
  }

  private static String time(Session session, Locale locale) {
    DateTimeFormatter hours = DateTimeFormatter.ofPattern("HH:mm", locale).withZone(AMSTERDAM);
    return hours.format(session.getStartsAt()) + "–" + hours.format(session.getEndsAt());
  }

  static String date(Instant instant, Locale locale) {
    return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).withZone(AMSTERDAM).format(instant);
  }

  /** A deadline in words ("vrijdag 13 maart 2026, 17:00"); null when there is none. */
  static String dateTime(Object deadline, Locale locale) {
    if (!(deadline instanceof Date date)) {
      return null;
    }
    return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", locale).withZone(AMSTERDAM)
        .format(date.toInstant());
  }
}
