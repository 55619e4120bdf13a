package nl.mediatafel.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The MIME message of a stored mail, as SMTP sends it and as the outbox offers it for download ({@code .eml}):
 * multipart/alternative with a text and an HTML part, the attachments, and the stable {@code Message-ID} of the
 * outbox row. One builder for both, so the download is the mail that went out.
 */
final class MimeMail {

  private MimeMail() {}

  static MimeMessage of(MailMessage mail, String from) throws MessagingException, UnsupportedEncodingException {
    MimeMessage message = withMessageId(mail.messageId(from));
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(from);
    helper.setTo(new InternetAddress(mail.recipientEmail(), mail.recipientName(), "UTF-8"));
    helper.setSubject(mail.subject());
    helper.setText(mail.text() == null ? "" : mail.text(), mail.html() == null ? "" : mail.html());
    for (Attachment attachment : mail.attachments()) {
      helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
          attachment.contentType());
    }
    return message;
  }

  /** A message whose {@code Message-ID} stays the given one: Jakarta Mail would make a new one on every send. */
  private static MimeMessage withMessageId(String messageId) {
    return new MimeMessage((Session) null) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
  }
}
