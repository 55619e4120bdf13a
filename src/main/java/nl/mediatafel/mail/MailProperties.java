package nl.mediatafel.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param delivery {@code CAPTURE}: mails are kept in the outbox page and never leave the machine (default profile);
 *     {@code SMTP}: mails are sent through {@code spring.mail.*}
 * @param from the sender address of every mail
 * @param practiceName the practice's name as parties see it in mails
 */
@ConfigurationProperties("mediatafel.mail")
public record MailProperties(Delivery delivery, String from, String practiceName) {

  public enum Delivery { CAPTURE, SMTP }
}
