package nl.mediatafel.sessions;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.Party;
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
import org.springframework.stereotype.Service;

/**
 * Mails a session's attendees (all active parties of a joint session or the one party of a caucus, and the mediator)
 * with the calendar invitation {@value #FILE_NAME} in their own language; the mediator is its organizer.
 */
@Service
public class SessionInvitations {

  public static final String FILE_NAME = "bijeenkomst.ics";
  /** The mail of a new or moved session (its texts: {@code mail.session-invitation.*}). */
  static final String INVITATION = "session-invitation";
  static final String TITLE = "Mediationbijeenkomst";
  private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", DUTCH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", DUTCH);

  private final MailGateway gateway;
  private final CalendarInvitations calendarInvitations;
  private final CaseDirectory parties;
  private final RecipientDirectory directory;
  private final MailProperties mail;
  private final BusinessCalendar calendar;

  SessionInvitations(MailGateway gateway, CalendarInvitations calendarInvitations, CaseDirectory parties,
      RecipientDirectory directory, MailProperties mail, BusinessCalendar calendar) {
    this.gateway = gateway;
    this.calendarInvitations = calendarInvitations;
    this.parties = parties;
    this.directory = directory;
    this.mail = mail;
    this.calendar = calendar;
  }

  /**
   * Queues the mail {@code template} with the invitation to every attendee, in the caller's transaction (one batch).
   */
  public void send(Session session, String template, String mediatorUserId) {
    gateway.queue(mails(session, template, directory.mediator(mediatorUserId), attendingParties(session),
        session.getStatus() == SessionStatus.CANCELLED));
  }

  /**
   * The mail {@code template} for each of these parties and the mediator, each with the session's calendar item in
   * the recipient's language ({@code cancelled}: {@code METHOD:CANCEL}, same UID, the session's current SEQUENCE).
   */
  List<OutgoingMail> mails(Session session, String template, Recipient mediator, List<Party> attending,
      boolean cancelled) {
    List<Recipient> recipients = new ArrayList<>();
    for (Party party : attending) {
      recipients.add(new Recipient(party.getName(), party.getEmail(), party.locale(), RecipientRole.PARTY,
          party.getId()));
    }
    recipients.add(mediator);

    SessionInvite invite = new SessionInvite(session.getId().toString(), session.getSequence(), TITLE,
        session.getStartsAt().atZone(calendar.zone()), session.getEndsAt().atZone(calendar.zone()),
        session.isVideo() ? null : session.getLocation(), session.getVideoLink(), mediator.name(), mediator.email(),
        recipients.stream().map(r -> new SessionInvite.Attendee(r.name(), r.email())).toList(), cancelled);
    String detail = describe(session);
    List<OutgoingMail> mails = new ArrayList<>();
    for (Recipient recipient : recipients) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("recipientName", recipient.name());
      model.put("caseNumber", session.getCaseNumber());
      model.put("practiceName", mail.practiceName());
      model.put("detail", detail);
      Attachment ics = new Attachment(FILE_NAME, CalendarInvitations.MEDIA_TYPE,
          calendarInvitations.invitation(invite, recipient.locale()));
      mails.add(new OutgoingMail(session.getCaseNumber(), template, recipient, model, List.of(ics)));
    }
    return mails;
  }

  /**
   * Date, time and place in Dutch, for the mail: "gezamenlijke bijeenkomst op dinsdag 17 maart 2026, 14:00 - …", for a
   * video session with its link (the link opens the session, it says nothing of what is discussed).
   */
  String describe(Session session) {
    ZonedDateTime start = session.getStartsAt().atZone(calendar.zone());
    ZonedDateTime end = session.getEndsAt().atZone(calendar.zone());
    String kind = session.isPractice() ? "oefensessie met de videoverbinding"
        : session.getKind() == SessionKind.JOINT ? "gezamenlijke bijeenkomst" : "apart gesprek";
    String when = " op " + DAY.format(start) + ", " + TIME.format(start) + " - " + TIME.format(end) + " uur, ";
    if (session.isVideo()) {
      return (session.isPractice() ? kind : kind + " via video") + when + "videolink: " + session.getVideoLink();
    }
    return kind + when + session.getLocation();
  }

  private List<Party> attendingParties(Session session) {
    List<Party> active = parties.activeParties(session.getCaseNumber());
    if (session.getKind() == SessionKind.CAUCUS) {
      return active.stream().filter(party -> party.getId().equals(session.getCaucusPartyId())).toList();
    }
    return active;
  }
}
