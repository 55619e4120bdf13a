package nl.mediatafel.mail;

import java.util.UUID;
import nl.mediatafel.process.ProcessVariable;

/**
 * The API of {@code processes/mail-delivery.bpmn}: one asynchronous, retried step that delivers the mails queued
 * together (a batch). Started by {@link MailGateway#queue} in the transaction that queues the mails, with the case
 * number as business key, so a mail server that refuses or does not answer becomes a retry and then an incident on
 * an instance the secretariat finds in Cockpit by the case number.
 */
public final class MailDeliveryProcess {

  public static final String KEY = "mail-delivery";

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_mailQueued";
    public static final String DELIVER = "serviceTask_deliverMail";
    public static final String DELIVERED = "endEvent_mailDelivered";

    private Elements() {}
  }

  /** The batch of mails to deliver: {@code mail_log.batch_id} (UUID text). */
  public static final ProcessVariable<String> MAIL_BATCH_ID = ProcessVariable.of("mailBatchId", String.class);

  static UUID batchOf(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return UUID.fromString(MAIL_BATCH_ID.required(scope));
  }

  private MailDeliveryProcess() {}
}
