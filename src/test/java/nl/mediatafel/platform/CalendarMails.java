package nl.mediatafel.platform;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import nl.mediatafel.sessions.SessionInvitations;

/** Session mails at the test SMTP server and the calendar invitation they carry, read back with ical4j. */
public final class CalendarMails {

  private CalendarMails() {}

  /** The mails about this case (its number is in every subject; the test SMTP server is shared). */
  public static List<MimeMessage> mails(String caseNumber) {
    return Arrays.stream(TestMailServer.received())
        .filter(mail -> ReceivedMail.of(mail).subject().contains(caseNumber)).toList();
  }

  /** The event of the mail's {@value SessionInvitations#FILE_NAME}. */
  public static VEvent event(MimeMessage mail) {
    try {
      Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(ics(mail)));
      return calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
    } catch (Exception e) {
      throw new AssertionError("unreadable invitation", e);
    }
  }

  public static String value(VEvent event, String property) {
    return event.getProperty(property).orElseThrow(() -> new AssertionError("no " + property)).getValue();
  }

  private static byte[] ics(Part part) throws Exception {
    if (SessionInvitations.FILE_NAME.equals(part.getFileName())) {
      try (InputStream in = part.getInputStream()) {
        return in.readAllBytes();
      }
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        byte[] found = ics(child);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
