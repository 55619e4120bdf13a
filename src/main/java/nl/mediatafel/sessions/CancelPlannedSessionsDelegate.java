package nl.mediatafel.sessions;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.Withdrawals;
import nl.mediatafel.deadlines.BusinessCalendar;
import nl.mediatafel.documents.CalendarInvitations;
import nl.mediatafel.documents.SessionInvite;
import nl.mediatafel.mail.Attachment;
import nl.mediatafel.mail.MailGateway;
import nl.mediatafel.mail.MailProperties;
import nl.mediatafel.mail.OutgoingMail;
import nl.mediatafel.mail.Recipient;
import nl.mediatafel.mail.RecipientDirectory;
import nl.mediatafel.mail.RecipientRole;
import nl.mediatafel.process.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code camunda:delegateExpression="${cancelPlannedSessions}"}: the case ends while sessions are still ahead (a party
 * withdrew). Every session of the case that is {@code PLANNED} or {@code MOVED} becomes {@code CANCELLED}, and every
 * invitee gets the mail {@value #MAIL} with a {@code METHOD:CANCEL} calendar item (same UID, the higher SEQUENCE the
 * cancellation gives the session), so the appointment leaves their calendar. The invitees are the session's parties
 * as they were invited: the active ones and the party who just withdrew ({@code withdrawnPartyId}), plus the mediator.
 *
 * <p>Use it with {@code asyncBefore}: the mails are queued in the outbox in the same transaction as the status change,
 * so a retry finds the sessions already cancelled and sends nothing twice.
 */
@Component("cancelPlannedSessions")
class CancelPlannedSessionsDelegate implements JavaDelegate {

  /** The mail text ({@code mail.case-ended-session-cancelled.*}). */
  static final String MAIL = "case-ended-session-cancelled";

  private static final Set<SessionStatus> AHEAD = EnumSet.of(SessionStatus.PLANNED, SessionStatus.MOVED);

  private final SessionRepository sessions;
  private final SessionPlanning planning;
  private final SessionInvitations invitations;
  private final CaseDirectory parties;
  private final RecipientDirectory directory;
  private final CalendarInvitations calendarInvitations;
  private final MailGateway gateway;
  private final MailProperties mail;
  private final BusinessCalendar calendar;

  CancelPlannedSessionsDelegate(SessionRepository sessions, SessionPlanning planning, SessionInvitations invitations,
      CaseDirectory parties, RecipientDirectory directory, CalendarInvitations calendarInvitations,
      MailGateway gateway, MailProperties mail, BusinessCalendar calendar) {
    this.sessions = sessions;
    this.planning = planning;
    this.invitations = invitations;
    this.parties = parties;
    this.directory = directory;
    this.calendarInvitations = calendarInvitations;
    this.gateway = gateway;
    this.mail = mail;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    List<Session> ahead = sessions.findByCaseNumberOrderByStartsAt(caseNumber).stream()
        .filter(session -> AHEAD.contains(session.getStatus())).toList();
    if (ahead.isEmpty()) {
      return;
    }
    Recipient mediator = directory.mediator(CaseVariables.MEDIATOR.required(execution));
    String withdrawn = Withdrawals.WITHDRAWN_PARTY_ID.from(execution).orElse(null);
    List<OutgoingMail> mails = new ArrayList<>();
    for (Session planned : ahead) {
      planning.cancel(planned.getId());
      mails.addAll(cancellations(planning.get(planned.getId()), mediator, withdrawn));
    }
    gateway.queue(mails);
  }

  private List<OutgoingMail> cancellations(Session session, Recipient mediator, String withdrawnPartyId) {
    List<Recipient> recipients = new ArrayList<>();
    for (Party party : invitedParties(session, withdrawnPartyId)) {
      recipients.add(new Recipient(party.getName(), party.getEmail(), party.locale(), RecipientRole.PARTY,
          party.getId()));
    }
    recipients.add(mediator);
    SessionInvite cancel = new SessionInvite(session.getId().toString(), session.getSequence(),
        SessionInvitations.TITLE, session.getStartsAt().atZone(calendar.zone()),
        session.getEndsAt().atZone(calendar.zone()), session.isVideo() ? null : session.getLocation(),
        session.getVideoLink(), mediator.name(), mediator.email(),
        recipients.stream().map(r -> new SessionInvite.Attendee(r.name(), r.email())).toList(), true);
    String detail = invitations.describe(session);
    List<OutgoingMail> mails = new ArrayList<>();
    for (Recipient recipient : recipients) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("recipientName", recipient.name());
      model.put("caseNumber", session.getCaseNumber());
      model.put("practiceName", mail.practiceName());
      model.put("detail", detail);
      Attachment ics = new Attachment(SessionInvitations.FILE_NAME, CalendarInvitations.MEDIA_TYPE,
          calendarInvitations.invitation(cancel, recipient.locale()));
      mails.add(new OutgoingMail(session.getCaseNumber(), MAIL, recipient, model, List.of(ics)));
    }
    return mails;
  }

  private List<Party> invitedParties(Session session, String withdrawnPartyId) {
    List<Party> invited = parties.parties(session.getCaseNumber()).stream()
        .filter(party -> party.isActive() || party.getId().toString().equals(withdrawnPartyId)).toList();
    if (session.getKind() == SessionKind.CAUCUS) {
      UUID caucus = session.getCaucusPartyId();
      return invited.stream().filter(party -> party.getId().equals(caucus)).toList();
    }
    return invited;
  }
}
