package nl.mediatafel.mail;

/** The mail server did not take a mail. In a job this becomes a retry and, when retries run out, an incident. */
public class MailDeliveryException extends RuntimeException {

  private final boolean recipientRefused;

  public MailDeliveryException(String message, Throwable cause) {
    this(message, cause, false);
  }

  MailDeliveryException(String message, Throwable cause, boolean recipientRefused) {
    super(message, cause);
    this.recipientRefused = recipientRefused;
  }

  /**
   * True when the server answered and refused this one recipient (the others of a batch may still go); false when
   * the server could not be reached or did not answer in time (then the rest of the batch waits for the retry).
   */
  public boolean isRecipientRefused() {
    return recipientRefused;
  }
}
