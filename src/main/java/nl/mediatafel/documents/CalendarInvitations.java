package nl.mediatafel.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import nl.mediatafel.i18n.MessagesConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Calendar invitations ({@code .ics}, RFC 5545 with iTIP methods) for sessions, attached to the invitation mail.
 *
 * <p>The UID is derived from the session id, so a moved session (same id, higher sequence) replaces the entry in
 * the recipients' calendars, and a cancellation (METHOD:CANCEL) removes it. Start and end are written in UTC: every
 * calendar shows them in its user's own time zone, and the file needs no time zone definitions. ical4j reads its
 * settings from {@code ical4j.properties}, which keeps it from fetching time zone updates over the network.
 *
 * <p>The description carries only practical details (video link, address), never anything said in the mediation:
 * calendars are not confidential.
 */
@Component
public class CalendarInvitations {

  public static final String MEDIA_TYPE = "text/calendar";
  static final String UID_DOMAIN = "mediatafel.nl";
  static final String PRODUCT_ID = "-//Mediatafel//Sessies//NL";

  private final MessageSource messages;
  private final Clock clock;

  CalendarInvitations(MessageSource messages, Clock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  /** The invitation with Dutch texts. */
  public byte[] invitation(SessionInvite invite) {
    return invitation(invite, MessagesConfiguration.DUTCH);
  }

  /** The invitation with texts in {@code language} (nl, en). */
  public byte[] invitation(SessionInvite invite, Locale language) {
    VEvent event = new VEvent(invite.start().toInstant(), invite.end().toInstant(), invite.title());
    event.add(new Uid(invite.sessionId() + "@" + UID_DOMAIN));
    event.add(new Sequence(invite.sequence()));
    // the constructor stamps the event with the system clock; keep exactly one DTSTAMP, from our clock (RFC 5545)
    event.replace(new DtStamp(clock.instant()));
    event.add(invite.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
    if (hasText(invite.location())) {
      event.add(new Location(invite.location()));
    } else if (hasText(invite.videoLink())) {
      event.add(new Location(invite.videoLink()));
    }
    if (hasText(invite.videoLink())) {
      event.add(new Url(uri(invite.videoLink())));
    }
    event.add(new Description(description(invite, language)));
    Organizer organizer = new Organizer(mailto(invite.organizerEmail()));
    if (hasText(invite.organizerName())) {
      organizer.add(new Cn(invite.organizerName()));
    }
    event.add(organizer);
    for (SessionInvite.Attendee person : invite.attendees()) {
      Attendee attendee = new Attendee(mailto(person.email()));
      attendee.add(CuType.INDIVIDUAL);
      attendee.add(Role.REQ_PARTICIPANT);
      attendee.add(PartStat.NEEDS_ACTION);
      attendee.add(Rsvp.TRUE);
      if (hasText(person.name())) {
        attendee.add(new Cn(person.name()));
      }
      event.add(attendee);
    }

    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODUCT_ID));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(invite.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
    calendar.add(event);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new CalendarOutputter().output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write invitation for session " + invite.sessionId(), e);
    } catch (ValidationException e) {
      throw new IllegalArgumentException("Invalid invitation for session " + invite.sessionId() + ": "
          + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /** A file name for the attachment; calendars recognise the invitation by its content, not its name. */
  public static String fileName(SessionInvite invite) {
    return invite.cancelled() ? "afgezegd.ics" : "uitnodiging.ics";
  }

  private String description(SessionInvite invite, Locale language) {
    List<String> lines = new ArrayList<>();
    if (invite.cancelled()) {
      lines.add(messages.getMessage("invitation.cancelled", null, language));
    }
    if (hasText(invite.videoLink())) {
      lines.add(messages.getMessage("invitation.videoLink", new Object[] {invite.videoLink()}, language));
    }
    if (hasText(invite.location())) {
      lines.add(messages.getMessage("invitation.location", new Object[] {invite.location()}, language));
    }
    lines.add(messages.getMessage("invitation.questions", new Object[] {invite.organizerName() == null
        ? invite.organizerEmail() : invite.organizerName()}, language));
    return String.join("\n", lines);
  }

  private static URI mailto(String email) {
    try {
      return new URI("mailto", email.trim(), null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not an e-mail address: " + email, e);
    }
  }

  private static URI uri(String link) {
    try {
      return new URI(link.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not a link: " + link, e);
    }
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}
