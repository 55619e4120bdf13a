package nl.mediatafel.mail;

/** Hands a rendered mail over to the world, or keeps it (capture). Returns the message id. */
interface MailDelivery {

  /** @throws MailDeliveryException when the mail server refused the mail or could not be reached in time */
  String deliver(MailMessage message);

  MailLog.Status deliveredStatus();
}
