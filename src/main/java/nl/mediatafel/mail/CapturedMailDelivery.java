package nl.mediatafel.mail;

/** Keeps mail on the machine: the log row with its bodies is the delivery, read at the outbox page. */
class CapturedMailDelivery implements MailDelivery {

  @Override
  public String deliver(MailMessage message) {
    return message.messageId("outbox@outbox.mediatafel.invalid");
  }

  @Override
  public MailLog.Status deliveredStatus() {
    return MailLog.Status.CAPTURED;
  }
}
