package nl.mediatafel.platform;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A mail as it arrived at the test SMTP server, taken apart: recipient, subject, text and HTML parts, attachments and
 * its {@code Message-ID}.
 */
public record ReceivedMail(String to, String subject, String text, String html, List<String> attachmentNames,
    List<String> attachmentTypes, List<byte[]> attachmentContents, String messageId) {

  public static ReceivedMail of(MimeMessage message) {
    try {
      String to = ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
      Collector collector = new Collector();
      collector.walk(message);
      return new ReceivedMail(to, message.getSubject(), collector.text, collector.html, collector.names,
          collector.types, collector.contents, message.getMessageID());
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("Unreadable mail", e);
    }
  }

  /** The first link into the participant portal in the text part. */
  public String portalLink() {
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("https?://\\S+/portal/\\S+").matcher(text);
    if (!matcher.find()) {
      throw new AssertionError("no portal link in: " + text);
    }
    return matcher.group();
  }

  private static final class Collector {
    String text;
    String html;
    final List<String> names = new ArrayList<>();
    final List<String> types = new ArrayList<>();
    final List<byte[]> contents = new ArrayList<>();

    void walk(Part part) throws MessagingException, IOException {
      if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        names.add(part.getFileName());
        types.add(part.getContentType().split(";")[0].trim().toLowerCase());
        try (java.io.InputStream in = part.getInputStream()) {
          contents.add(in.readAllBytes());
        }
      } else if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          walk(child);
        }
      } else if (part.isMimeType("text/plain") && text == null) {
        text = part.getContent().toString().replace("\r\n", "\n");
      } else if (part.isMimeType("text/html") && html == null) {
        html = part.getContent().toString();
      }
    }
  }
}
