package nl.mediatafel.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends through SMTP ({@code spring.mail.*}): multipart/alternative with a text and an HTML part, plus attachments. */
class SmtpMailDelivery implements MailDelivery {

  private final JavaMailSender sender;
  private final MailProperties properties;

  SmtpMailDelivery(JavaMailSender sender, MailProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  @Override
  public String deliver(OutgoingMail mail, RenderedMail rendered) {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(new InternetAddress(mail.recipient().email(), mail.recipient().name(), "UTF-8"));
      helper.setSubject(rendered.subject());
      helper.setText(rendered.text(), rendered.html());
      for (Attachment attachment : mail.attachments()) {
        helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
            attachment.contentType());
      }
      sender.send(message);
      return message.getMessageID();
    } catch (MessagingException | UnsupportedEncodingException | MailException e) {
      throw new MailDeliveryException("Mail '" + mail.template() + "' to " + mail.recipient().email()
          + " could not be sent: " + e.getMessage(), e);
    }
  }

  @Override
  public MailLog.Status deliveredStatus() {
    return MailLog.Status.SENT;
  }
}
