package nl.mediatafel.mail;

/** The mail server did not take a mail. In a job this becomes a retry and, when retries run out, an incident. */
public class MailDeliveryException extends RuntimeException {

  public MailDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
