package nl.mediatafel.workspace;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.mediatafel.audit.CaseEvent;
import nl.mediatafel.audit.CaseEventKind;
import nl.mediatafel.audit.CaseEvents;
import nl.mediatafel.cases.MediationCase;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.Route;
import nl.mediatafel.cases.StaffCaseReads;
import nl.mediatafel.documents.Costs;
import nl.mediatafel.documents.DocumentService;
import nl.mediatafel.mail.CaseMailLog;
import nl.mediatafel.sessions.Session;
import nl.mediatafel.sessions.SessionPlanning;
import nl.mediatafel.signing.Signature;
import nl.mediatafel.signing.SignatureService;
import org.springframework.stereotype.Component;

/**
 * One case's dossier for staff ({@code /cases/{number}}): who may read it is the rule of {@code GET /api/cases/{n}}
 * ({@link StaffCaseReads}: the secretariat every case, a mediator their own, anyone else and an unknown number the
 * same 404). Each part is one bounded read of its module's API; never the content of intakes, sessions, forum posts,
 * documents or mails.
 */
@Component
class Dossier {

  /** The most mails the dossier lists (newest first). */
  static final int MAILS = 100;

  record PartyRow(String name, String email, String language, boolean abroad, String payer, String advisorName,
      String advisorEmail, boolean withdrawn) {

    /** Whether the party's costs are paid by legal aid (a "toevoeging"). */
    public boolean legalAid() {
      return "LEGAL_AID".equals(payer);
    }
  }

  record SignatureRow(String party, String method, Instant signedAt) {}

  record DocumentRow(String type, int version, boolean current, boolean signedVersion, String sha256,
      Instant createdAt, List<SignatureRow> signatures) {}

  record SessionRow(String kind, String party, Instant startsAt, Instant endsAt, String location, boolean video,
      String status, BigDecimal hours) {}

  record RouteSwitch(Instant at, String from, String to, String by) {}

  record View(String caseNumber, String status, String stageKey, String conflictType, String route,
      String preferredRoute, String mediator, Instant openedAt, Instant closedAt, String referrerType,
      String referrerName, List<PartyRow> parties, List<RouteSwitch> switches, Map<String, BigDecimal> hoursPerRoute,
      BigDecimal hours, BigDecimal hourlyRate, Costs costs, List<DocumentRow> documents, List<SessionRow> sessions,
      boolean forum, List<String> forumThreads, List<CaseMailLog.Entry> mails, Timeline.Result timeline) {}

  private final StaffCaseReads reads;
  private final DocumentService documents;
  private final SignatureService signatures;
  private final SessionPlanning sessions;
  private final CaseMailLog mails;
  private final CaseEvents events;
  private final Timeline timeline;

  Dossier(StaffCaseReads reads, DocumentService documents, SignatureService signatures, SessionPlanning sessions,
      CaseMailLog mails, CaseEvents events, Timeline timeline) {
    this.reads = reads;
    this.documents = documents;
    this.signatures = signatures;
    this.sessions = sessions;
    this.mails = mails;
    this.events = events;
    this.timeline = timeline;
  }

  /**
   * @param entries the most timeline entries to show
   * @throws org.springframework.web.server.ResponseStatusException 401/403 for no or a non-staff login, 404 for a
   *     case this user may not read or that does not exist (the same answer)
   */
  View forCurrentUser(String caseNumber, int entries, Locale locale) {
    return reads.read(caseNumber, MediationCaseProcess.KIND, mediationCase -> view(mediationCase, entries, locale));
  }

  private View view(MediationCase mediationCase, int entries, Locale locale) {
    String number = mediationCase.getCaseNumber();
    List<Party> parties = mediationCase.getParties();
    Map<UUID, String> names = parties.stream().collect(Collectors.toMap(Party::getId, Party::getName, (a, b) -> a,
        LinkedHashMap::new));
    Map<UUID, List<Signature>> signed = signatures.ofCase(number).stream()
        .collect(Collectors.groupingBy(Signature::documentId));
    List<DocumentRow> documentRows = documents.ofCase(number).stream()
        .map(document -> new DocumentRow(document.documentType(), document.version(), document.isCurrent(),
            document.isSigned(), document.sha256(), document.createdAt(),
            signed.getOrDefault(document.id(), List.of()).stream()
                .map(signature -> new SignatureRow(names.getOrDefault(signature.partyId(), "?"),
                    signature.method().name(), signature.signedAt()))
                .toList()))
        .toList();
    List<SessionRow> sessionRows = sessions.ofCase(number).stream().map(session -> sessionRow(session, names))
        .toList();
    List<CaseEvent> routeEvents = events.ofKinds(number, List.of(CaseEventKind.ROUTE_SWITCHED,
        CaseEventKind.ROUTE_HOURS));
    List<RouteSwitch> switches = routeEvents.stream().filter(event -> event.kind() == CaseEventKind.ROUTE_SWITCHED)
        .map(event -> {
          String[] fromTo = String.valueOf(event.reference()).split(">", 2);
          return new RouteSwitch(event.occurredAt(), fromTo[0], fromTo.length > 1 ? fromTo[1] : null, event.actor());
        }).toList();
    Map<String, BigDecimal> hoursPerRoute = new LinkedHashMap<>();
    routeEvents.stream().filter(event -> event.kind() == CaseEventKind.ROUTE_HOURS && event.reference() != null
        && event.reference().contains("=")).forEach(event -> {
          String[] routeHours = event.reference().split("=", 2);
          try {
            hoursPerRoute.merge(routeHours[0], new BigDecimal(routeHours[1]), BigDecimal::add);
          } catch (NumberFormatException e) {
            // not written by RecordRouteHoursListener: left out
          }
        });
    BigDecimal rate = mediationCase.getHourlyRate();
    BigDecimal fee = mediationCase.getPlatformFee() == null
        || mediationCase.getRoute() == Route.FACE_TO_FACE ? BigDecimal.ZERO : mediationCase.getPlatformFee();
    Costs costs = rate == null ? null : new Costs(mediationCase.getHoursSpent(), rate, fee);
    boolean forum = mediationCase.getRoute() == Route.ONLINE_ASYNC || mediationCase.getRoute() == Route.HYBRID;
    List<String> threads = parties.stream().filter(Party::isActive).map(Party::getName).toList();
    return new View(number, code(mediationCase.getStatus()), CaseStages.stageKey(code(mediationCase.getStatus())),
        mediationCase.getConflictType(), code(mediationCase.getRoute()), mediationCase.getPreferredRoute(),
        mediationCase.getMediator(), mediationCase.getCreatedAt(), mediationCase.getClosedAt(),
        code(mediationCase.getReferrerType()), mediationCase.getReferrerName(),
        parties.stream().map(party -> new PartyRow(party.getName(), party.getEmail(), party.getLanguage(),
            party.isAbroad(), code(party.getPayer()), party.getAdvisorName(), party.getAdvisorEmail(), !party.isActive()))
            .toList(),
        switches, hoursPerRoute, mediationCase.getHoursSpent(), rate, costs, documentRows, sessionRows, forum, threads,
        mails.newest(number, MAILS), timeline.of(number, names, entries, locale));
  }

  private static SessionRow sessionRow(Session session, Map<UUID, String> names) {
    return new SessionRow(session.getKind().name(),
        session.getCaucusPartyId() == null ? null : names.getOrDefault(session.getCaucusPartyId(), "?"),
        session.getStartsAt(), session.getEndsAt(), session.getLocation(), session.isVideo(),
        session.getStatus().name(), session.getHours());
  }


  /** The code an enum of the case is stored as; the page turns it into words ({@code Codes.word}). */
  private static String code(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
