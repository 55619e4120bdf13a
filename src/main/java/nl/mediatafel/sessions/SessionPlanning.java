package nl.mediatafel.sessions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.Party;
import nl.mediatafel.deadlines.BusinessCalendar;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.FormRefusal;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans, moves, cancels and closes sessions of a case ({@code sessions} table); moving a session is a message to its
 * waiting {@code session} instance ({@link SessionProcess}). The lists the planning forms show are the designer
 * functions of {@link SessionForms}; {@code ${sessionPlanning.partyList(…)}} and {@code roomList()} stay callable for
 * the versions of the route models deployed before {@code session.bpmn}.
 */
@Service("sessionPlanning")
public class SessionPlanning {

  /** The mediator reports within this many business days after the session. */
  static final int REPORT_BUSINESS_DAYS = 2;
  /** The key of the online route, for the old versions that waited for their sessions themselves. */
  private static final String ONLINE_MEDIATION = "online-mediation";

  private final SessionRepository sessions;
  private final CaseDirectory parties;
  private final SessionsProperties properties;
  private final BusinessCalendar calendar;
  private final SessionInvitations invitations;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;

  SessionPlanning(SessionRepository sessions, CaseDirectory parties, SessionsProperties properties,
      BusinessCalendar calendar, SessionInvitations invitations, RuntimeService runtimeService,
      ManagementService managementService) {
    this.sessions = sessions;
    this.parties = parties;
    this.properties = properties;
    this.calendar = calendar;
    this.invitations = invitations;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
  }

  /** The rooms as the planning form lists them: "1. Spreekkamer De Linde, Maliebaan 12, …", one a line. */
  public String roomList() {
    List<String> lines = new ArrayList<>();
    List<SessionsProperties.Room> rooms = properties.rooms();
    for (int i = 0; i < rooms.size(); i++) {
      lines.add((i + 1) + ". " + rooms.get(i).location());
    }
    return String.join("\n", lines);
  }

  /** The active parties as the planning form lists them: "1. Name", one a line. */
  public String partyList(String caseNumber) {
    List<Party> active = activeParties(caseNumber);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < active.size(); i++) {
      lines.add((i + 1) + ". " + active.get(i).getName());
    }
    return String.join("\n", lines);
  }

  /** The configured room with this number (from 1), or a {@link FormRefusal} naming the choices. */
  SessionsProperties.Room room(int number) {
    List<SessionsProperties.Room> rooms = properties.rooms();
    if (number < 1 || number > rooms.size()) {
      throw new FormRefusal("session-plan.room-unknown", number, roomList());
    }
    return rooms.get(number - 1);
  }

  /** The active party with this number in {@link #partyList} (from 1). */
  Party party(String caseNumber, int number) {
    List<Party> active = activeParties(caseNumber);
    if (number < 1 || number > active.size()) {
      throw new FormRefusal("session-plan.party-unknown", number, caseNumber, partyList(caseNumber));
    }
    return active.get(number - 1);
  }

  @Transactional
  public Session plan(String caseNumber, SessionKind kind, UUID caucusPartyId, Instant start, Instant end,
      String location) {
    return plan(caseNumber, kind, caucusPartyId, start, end, location, null, false);
  }

  /**
   * Plans a session; with a {@code videoLink} a video session of the online route (an {@code https://} link with a
   * host, else a {@link FormRefusal}), with {@code practice} a practice session with one party.
   */
  @Transactional
  public Session plan(String caseNumber, SessionKind kind, UUID caucusPartyId, Instant start, Instant end,
      String location, String videoLink, boolean practice) {
    if (videoLink != null) {
      requireSecureLink(videoLink);
    }
    requireEndAfterStart(start, end);
    if (!start.isAfter(ClockUtil.now().toInstant())) {
      throw new FormRefusal("session-plan.in-past", start);
    }
    if (kind == SessionKind.CAUCUS && caucusPartyId == null) {
      throw new FormRefusal("session-plan.caucus-party-missing");
    }
    return sessions.save(new Session(caseNumber, kind, kind == SessionKind.CAUCUS ? caucusPartyId : null, start, end,
        location, videoLink, practice));
  }

  /** A video link parties can trust: {@code https://}, a host, nothing else. */
  static void requireSecureLink(String link) {
    java.net.URI uri;
    try {
      uri = new java.net.URI(link.strip());
    } catch (java.net.URISyntaxException e) {
      throw new FormRefusal("session-plan.video-link-invalid", link);
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getHost().isBlank()
        || uri.getUserInfo() != null || link.strip().length() > 500) {
      throw new FormRefusal("session-plan.video-link-insecure", link);
    }
  }

  /** Every session of a case, cancelled ones too, by start (one query); a session's summary stays confidential. */
  @org.springframework.transaction.annotation.Transactional(readOnly = true)
  public java.util.List<Session> ofCase(String caseNumber) {
    return sessions.findByCaseNumberOrderByStartsAt(caseNumber);
  }

  public Session get(UUID sessionId) {
    return sessions.findById(sessionId)
        .orElseThrow(() -> new IllegalArgumentException("No session " + sessionId));
  }

  /** The reminder moment of a session: the working day before, same time; null when it has passed. */
  Date reminder(Instant start) {
    Instant reminder = calendar.subtractBusinessDays(start, 1);
    return reminder.isAfter(ClockUtil.now().toInstant()) ? Date.from(reminder) : null;
  }

  /** When the mediator's report is due: the end of the working day, {@value #REPORT_BUSINESS_DAYS} days later. */
  Date reportDue(Instant end) {
    return Date.from(calendar.addBusinessDays(end, REPORT_BUSINESS_DAYS));
  }

  /**
   * Moves a planned session that is still being waited for: the message {@link SessionProcess.Messages#SESSION_MOVED}
   * to the case's waiting {@code session} instance, whose steps "Verplaatsing vastleggen" ({@link #reschedule}) and
   * "Nieuwe uitnodiging mailen" update the row (a higher SEQUENCE), send every attendee the updated invitation with the
   * same UID, and restart the wait with the new reminder and end. A {@code face-to-face-mediation} or
   * {@code online-mediation} instance of a version before {@code session.bpmn} is moved the old way
   * ({@link #moveOnOldVersion}).
   *
   * @throws IllegalStateException when the session is not being waited for (held, cancelled, or report pending)
   */
  @Transactional
  public Session move(UUID sessionId, Instant newStart, Instant newEnd) {
    Session session = get(sessionId);
    requireEndAfterStart(newStart, newEnd);
    if (session.getStatus() == SessionStatus.CANCELLED || session.getStatus() == SessionStatus.HELD) {
      throw notWaiting(sessionId);
    }
    if (waiting(session, SessionProcess.KEY) == null) {
      return moveOnOldVersion(session, newStart, newEnd);
    }
    SessionProcess.sessionMoved(runtimeService, session.getCaseNumber(), sessionId, Date.from(newStart),
        Date.from(newEnd)).correlate();
    return get(sessionId);
  }

  /** The instance of one of these models that waits for the session to take place (its reminder or its end). */
  private ProcessInstance waiting(Session session, String... processKeys) {
    return runtimeService.createProcessInstanceQuery()
        .processDefinitionKeyIn(processKeys)
        .processInstanceBusinessKey(session.getCaseNumber())
        .variableValueEquals(SessionProcess.SESSION_ID.name(), session.getId().toString())
        .activityIdIn(SessionProcess.Elements.REMINDER_TIMER, SessionProcess.Elements.SESSION_END_TIMER,
            SessionProcess.Elements.REMINDER_MAIL)
        .singleResult();
  }

  /**
   * What the model's step "Verplaatsing vastleggen" ({@code ${moveSession}}) does with the message: the row gets the
   * new times and a higher SEQUENCE (the delegate then sets the dates the wait restarts with).
   */
  @Transactional
  public Session reschedule(UUID sessionId, Instant newStart, Instant newEnd) {
    Session session = get(sessionId);
    requireEndAfterStart(newStart, newEnd);
    session.move(newStart, newEnd);
    return session;
  }

  /**
   * A session of an instance started before {@code session.bpmn} existed: that version waits for its session in its
   * own model (same element ids), so the timers' due dates are set here, as they were then. Such instances finish on
   * their version; this path goes when the last of them has ended (docs/migration-sessions.md).
   */
  private Session moveOnOldVersion(Session session, Instant newStart, Instant newEnd) {
    ProcessInstance instance = waiting(session, FaceToFaceProcess.KEY, ONLINE_MEDIATION);
    if (instance == null) {
      throw notWaiting(session.getId());
    }
    session.move(newStart, newEnd);
    Date reminder = reminder(newStart);
    SessionProcess.SESSION_START.set(runtimeService, instance.getId(), Date.from(newStart));
    SessionProcess.SESSION_END.set(runtimeService, instance.getId(), Date.from(newEnd));
    SessionProcess.SESSION_REMINDER.set(runtimeService, instance.getId(), reminder);
    SessionProcess.SESSION_REPORT_DUE.set(runtimeService, instance.getId(), reportDue(newEnd));
    for (Job job : timers(instance.getId(), SessionProcess.Elements.REMINDER_TIMER)) {
      // no reminder any more when the working day before has passed: then it waits until the session's end
      managementService.setJobDuedate(job.getId(), reminder == null ? Date.from(newEnd) : reminder);
    }
    for (Job job : timers(instance.getId(), SessionProcess.Elements.SESSION_END_TIMER)) {
      managementService.setJobDuedate(job.getId(), Date.from(newEnd));
    }
    invitations.send(session, SessionInvitations.INVITATION,
        CaseVariables.MEDIATOR.from(runtimeService, instance.getId()).orElse(null));
    return session;
  }

  private static void requireEndAfterStart(Instant start, Instant end) {
    if (!end.isAfter(start)) {
      throw new FormRefusal("session-plan.end-before-start", start, end);
    }
  }

  private static IllegalStateException notWaiting(UUID sessionId) {
    return new IllegalStateException("Session " + sessionId + " is not waiting to take place; it cannot be moved");
  }

  /** Marks the session cancelled (a higher SEQUENCE, for a later METHOD:CANCEL invitation). */
  @Transactional
  public void cancel(UUID sessionId) {
    Session session = get(sessionId);
    if (session.getStatus() != SessionStatus.CANCELLED) {
      session.cancel();
    }
  }

  /** The mediator's report: the session was held, with these hours and this summary for the file. */
  @Transactional
  public void recordReport(UUID sessionId, BigDecimal hours, String summary) {
    if (hours == null || hours.signum() < 0) {
      throw new FormRefusal("session-report.hours-negative", hours);
    }
    get(sessionId).held(hours, summary);
  }

  private List<Job> timers(String processInstanceId, String activityId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers()
        .list();
  }

  private List<Party> activeParties(String caseNumber) {
    return parties.activeParties(caseNumber);
  }
}
