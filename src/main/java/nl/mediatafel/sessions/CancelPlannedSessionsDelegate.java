package nl.mediatafel.sessions;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.Withdrawals;
import nl.mediatafel.mail.MailGateway;
import nl.mediatafel.mail.OutgoingMail;
import nl.mediatafel.mail.Recipient;
import nl.mediatafel.mail.RecipientDirectory;
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
  private final MailGateway gateway;

  CancelPlannedSessionsDelegate(SessionRepository sessions, SessionPlanning planning, SessionInvitations invitations,
      CaseDirectory parties, RecipientDirectory directory, MailGateway gateway) {
    this.sessions = sessions;
    this.planning = planning;
    this.invitations = invitations;
    this.parties = parties;
    this.directory = directory;
    this.gateway = gateway;
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
    return invitations.mails(session, MAIL, mediator, invitedParties(session, withdrawnPartyId), true);
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
