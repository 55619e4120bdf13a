package nl.mediatafel.mail;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the mails of one batch that are not yet delivered, each recorded as delivered in a transaction of its own
 * right after the server took it, so a retry after a partial failure sends only the rest. A crash between the
 * server's answer and that commit can make one mail go out twice, both copies with the same working link.
 */
@Component
class MailDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);

  private final MailLogRepository log;
  private final MailAttachmentRepository attachments;
  private final MailDelivery delivery;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  MailDispatcher(MailLogRepository log, MailAttachmentRepository attachments, MailDelivery delivery,
      PlatformTransactionManager transactionManager, Clock clock) {
    this.log = log;
    this.attachments = attachments;
    this.delivery = delivery;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * @return how many mails were delivered now
   * @throws MailDeliveryException when a mail was refused or the server failed; the delivered ones stay delivered
   */
  int deliver(UUID batch) {
    List<MailLog> pending = ownTransaction.execute(status ->
        log.findByBatchIdAndStatusInOrderByCreatedAt(batch, MailLog.Status.PENDING));
    int delivered = 0;
    List<String> failures = new ArrayList<>();
    MailDeliveryException last = null;
    for (MailLog mail : pending) {
      try {
        String messageId = delivery.deliver(message(mail));
        ownTransaction.executeWithoutResult(status -> log.findById(mail.getId()).ifPresent(row ->
            row.delivered(delivery.deliveredStatus(), messageId, clock.instant())));
        delivered++;
      } catch (MailDeliveryException e) {
        last = e;
        failures.add(mail.getRecipientEmail() + ": " + e.getMessage());
        ownTransaction.executeWithoutResult(status -> log.findById(mail.getId()).ifPresent(row ->
            row.failed(e.getMessage())));
        if (!e.isRecipientRefused()) {
          // the server is down or hangs: the others would wait their time-out in vain; the retry takes them all
          LOG.warn("Mail server failed in case {}; {} mail(s) of batch {} wait for the retry", mail.getCaseNumber(),
              pending.size() - delivered, batch);
          break;
        }
      }
    }
    if (last != null) {
      throw new MailDeliveryException((pending.size() - delivered) + " of " + pending.size()
          + " mail(s) not delivered: " + String.join("; ", failures), last, last.isRecipientRefused());
    }
    return delivered;
  }

  private MailMessage message(MailLog mail) {
    List<Attachment> files = ownTransaction.execute(status -> attachments.findByMailIdOrderByPosition(mail.getId())
        .stream().map(MailAttachment::toAttachment).toList());
    return new MailMessage(mail.getId(), mail.getRecipientName(), mail.getRecipientEmail(), mail.getSubject(),
        mail.getTextBody(), mail.getHtmlBody(), files);
  }
}
