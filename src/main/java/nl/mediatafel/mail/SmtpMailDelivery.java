package nl.mediatafel.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends through SMTP ({@code spring.mail.*}, with the connect, read and write time-outs of
 * {@code spring.mail.properties.mail.smtp.*}): multipart/alternative with a text and an HTML part, plus attachments.
 */
class SmtpMailDelivery implements MailDelivery {

  private final JavaMailSender sender;
  private final MailProperties properties;

  SmtpMailDelivery(JavaMailSender sender, MailProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  @Override
  public String deliver(MailMessage mail) {
    try {
      MimeMessage message = MimeMail.of(mail, properties.from());
      sender.send(message);
      return message.getMessageID();
    } catch (MessagingException | UnsupportedEncodingException | MailException e) {
      throw new MailDeliveryException("Mail to " + mail.recipientEmail() + " could not be sent: " + e.getMessage(), e,
          refusedRecipient(e));
    }
  }

  /** The server answered and refused the address (SMTP 5xx on RCPT): a fault of this mail, not of the server. */
  private static boolean refusedRecipient(Exception e) {
    if (e instanceof MailSendException send) {
      return !send.getFailedMessages().isEmpty()
          && send.getFailedMessages().values().stream().allMatch(SendFailedException.class::isInstance);
    }
    return e instanceof SendFailedException;
  }

  @Override
  public MailLog.Status deliveredStatus() {
    return MailLog.Status.SENT;
  }
}
