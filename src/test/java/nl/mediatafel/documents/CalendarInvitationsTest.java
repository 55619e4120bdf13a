package nl.mediatafel.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.util.Configurator;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Invitations as a calendar reads them: produced, then parsed back with ical4j. */
class CalendarInvitationsTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private final CalendarInvitations invitations = new CalendarInvitations(messages(),
      Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC));

  @Test
  void aMovedSessionKeepsItsUidWithAHigherSequenceAndTheNewStart() throws Exception {
    SessionInvite first = faceToFace(0, ZonedDateTime.of(2026, 3, 10, 10, 0, 0, 0, AMSTERDAM));
    SessionInvite moved = faceToFace(1, ZonedDateTime.of(2026, 3, 12, 14, 30, 0, 0, AMSTERDAM));

    VEvent before = event(parse(invitations.invitation(first)));
    VEvent after = event(parse(invitations.invitation(moved)));

    assertThat(value(after, Property.UID)).isEqualTo(value(before, Property.UID)).isEqualTo("session-42@mediatafel.nl");
    assertThat(value(before, Property.SEQUENCE)).isEqualTo("0");
    assertThat(value(after, Property.SEQUENCE)).isEqualTo("1");
    assertThat(start(before)).isEqualTo(Instant.parse("2026-03-10T09:00:00Z"));
    assertThat(start(after)).isEqualTo(Instant.parse("2026-03-12T13:30:00Z"));
    assertThat(value(after, Property.DTEND)).isEqualTo("20260312T153000Z");
  }

  @Test
  void anInvitationHasExactlyOneTimestampFromTheApplicationsClock() throws Exception {
    String ics = new String(invitations.invitation(faceToFace(0, ZonedDateTime.of(2026, 3, 10, 10, 0, 0, 0,
        AMSTERDAM))), java.nio.charset.StandardCharsets.UTF_8);

    assertThat(ics.lines().filter(line -> line.startsWith("DTSTAMP")).toList()).as("RFC 5545: DTSTAMP exactly once")
        .hasSize(1);
  }

  @Test
  void aRequestInvitesEveryPartyByNameAndAddressFromTheOrganizer() throws Exception {
    Calendar calendar = parse(invitations.invitation(faceToFace(0, ZonedDateTime.of(2026, 3, 10, 10, 0, 0, 0,
        AMSTERDAM))));
    VEvent event = event(calendar);

    assertThat(value(calendar, Property.METHOD)).isEqualTo("REQUEST");
    assertThat(value(calendar, Property.PRODID)).isEqualTo(CalendarInvitations.PRODUCT_ID);
    assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
    assertThat(value(event, Property.SUMMARY)).isEqualTo("Gezamenlijke bijeenkomst mediation");
    assertThat(value(event, Property.LOCATION)).isEqualTo("Mediatafel, Oudegracht 12, Utrecht");
    assertThat(value(event, Property.DESCRIPTION)).contains("Locatie: Mediatafel, Oudegracht 12, Utrecht")
        .contains("Neem contact op met Carla Bakker");
    assertThat(event.getProperty(Property.URL)).isEmpty();
    Organizer organizer = event.<Organizer>getProperty(Property.ORGANIZER).orElseThrow();
    assertThat(organizer.getCalAddress()).hasToString("mailto:carla@mediatafel.nl");
    assertThat(organizer.<Cn>getParameter(Parameter.CN).orElseThrow().getValue()).isEqualTo("Carla Bakker");
    List<Attendee> attendees = event.getProperties(Property.ATTENDEE);
    assertThat(attendees).extracting(attendee -> attendee.getCalAddress().toString())
        .containsExactly("mailto:anna@example.nl", "mailto:bram@example.nl");
    assertThat(attendees).extracting(attendee -> attendee.<Cn>getParameter(Parameter.CN).orElseThrow().getValue())
        .containsExactly("Anna de Vries", "Bram Jansen");
    assertThat(attendees).allSatisfy(attendee -> {
      assertThat(attendee.getParameter(Parameter.RSVP).orElseThrow().getValue()).isEqualTo("TRUE");
      assertThat(attendee.getParameter(Parameter.PARTSTAT).orElseThrow().getValue()).isEqualTo("NEEDS-ACTION");
    });
  }

  @Test
  void aVideoSessionCarriesItsLinkAsLocationUrlAndInTheDescription() throws Exception {
    SessionInvite video = new SessionInvite("session-43", 0, "Videogesprek mediation",
        ZonedDateTime.of(2026, 3, 11, 19, 0, 0, 0, AMSTERDAM), ZonedDateTime.of(2026, 3, 11, 20, 30, 0, 0, AMSTERDAM),
        null, "https://video.mediatafel.nl/r/MED-TEST-0043", "Carla Bakker", "carla@mediatafel.nl",
        List.of(new SessionInvite.Attendee("Anna de Vries", "anna@example.nl")), false);

    VEvent event = event(parse(invitations.invitation(video)));

    assertThat(value(event, Property.LOCATION)).isEqualTo("https://video.mediatafel.nl/r/MED-TEST-0043");
    assertThat(value(event, Property.URL)).isEqualTo("https://video.mediatafel.nl/r/MED-TEST-0043");
    assertThat(value(event, Property.DESCRIPTION))
        .contains("Deelnemen via de videoverbinding: https://video.mediatafel.nl/r/MED-TEST-0043");
  }

  @Test
  void aCancellationUsesMethodCancelForTheSameUid() throws Exception {
    SessionInvite session = faceToFace(2, ZonedDateTime.of(2026, 3, 10, 10, 0, 0, 0, AMSTERDAM));
    SessionInvite cancelled = new SessionInvite(session.sessionId(), 3, session.title(), session.start(),
        session.end(), session.location(), null, session.organizerName(), session.organizerEmail(),
        session.attendees(), true);

    Calendar calendar = parse(invitations.invitation(cancelled));
    VEvent event = event(calendar);

    assertThat(value(calendar, Property.METHOD)).isEqualTo("CANCEL");
    assertThat(value(event, Property.STATUS)).isEqualTo("CANCELLED");
    assertThat(value(event, Property.UID)).isEqualTo("session-42@mediatafel.nl");
    assertThat(value(event, Property.SEQUENCE)).isEqualTo("3");
    assertThat(value(event, Property.DESCRIPTION)).startsWith("Deze bijeenkomst gaat niet door.");
    assertThat(CalendarInvitations.fileName(cancelled)).isEqualTo("afgezegd.ics");
  }

  @Test
  void anEnglishInvitationHasEnglishTexts() throws Exception {
    VEvent event = event(parse(invitations.invitation(faceToFace(0, ZonedDateTime.of(2026, 3, 10, 10, 0, 0, 0,
        AMSTERDAM)), Locale.ENGLISH)));

    assertThat(value(event, Property.DESCRIPTION)).contains("Location: Mediatafel, Oudegracht 12, Utrecht")
        .contains("Please contact Carla Bakker");
  }

  @Test
  void ical4jIsConfiguredNeverToFetchTimeZonesOverTheNetwork() {
    assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled")).contains("false");
  }

  private static SessionInvite faceToFace(int sequence, ZonedDateTime start) {
    return new SessionInvite("session-42", sequence, "Gezamenlijke bijeenkomst mediation", start, start.plusHours(2),
        "Mediatafel, Oudegracht 12, Utrecht", null, "Carla Bakker", "carla@mediatafel.nl",
        List.of(new SessionInvite.Attendee("Anna de Vries", "anna@example.nl"),
            new SessionInvite.Attendee("Bram Jansen", "bram@example.nl")),
        false);
  }

  private static Calendar parse(byte[] ics) throws IOException, ParserException {
    return new CalendarBuilder().build(new ByteArrayInputStream(ics));
  }

  private static VEvent event(Calendar calendar) {
    assertThat(calendar.getComponents(Component.VEVENT)).hasSize(1);
    return calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
  }

  private static String value(Calendar calendar, String property) {
    return calendar.getProperty(property).orElseThrow(() -> new AssertionError("no " + property)).getValue();
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).orElseThrow(() -> new AssertionError("no " + property)).getValue();
  }

  private static Instant start(VEvent event) {
    DtStart<Temporal> start = event.<Temporal>getStartDate().orElseThrow();
    return Instant.from(start.getDate());
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("i18n/documents");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }
}
