package nl.mediatafel.mail;

import java.util.UUID;

/** Keeps mail on the machine: the log row with its bodies is the delivery, read at the outbox page. */
class CapturedMailDelivery implements MailDelivery {

  @Override
  public String deliver(MailMessage message) {
    return "<" + UUID.randomUUID() + "@outbox.mediatafel>";
  }

  @Override
  public MailLog.Status deliveredStatus() {
    return MailLog.Status.CAPTURED;
  }
}
