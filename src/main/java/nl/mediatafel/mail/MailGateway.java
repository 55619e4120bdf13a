package nl.mediatafel.mail;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way out for mail: renders it in the recipient's language, delivers it (SMTP or capture) and logs it per
 * case. The log row is written in a transaction of its own, so a mail that went out stays logged even when the job
 * that sent it fails later, and a retried job skips it (dedupe key) instead of sending it twice.
 */
@Service
public class MailGateway {

  private static final Logger LOG = LoggerFactory.getLogger(MailGateway.class);
  private static final List<MailLog.Status> DELIVERED = List.of(MailLog.Status.SENT, MailLog.Status.CAPTURED);

  private final MailRenderer renderer;
  private final MailDelivery delivery;
  private final MailLogRepository log;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  MailGateway(MailRenderer renderer, MailDelivery delivery, MailLogRepository log,
      PlatformTransactionManager transactionManager, Clock clock) {
    this.renderer = renderer;
    this.delivery = delivery;
    this.log = log;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** @return false when a mail with the same dedupe key was delivered before and nothing was sent now */
  public boolean send(OutgoingMail mail) {
    if (mail.dedupeKey() != null && Boolean.TRUE.equals(ownTransaction.execute(
        status -> log.existsByDedupeKeyAndStatusIn(mail.dedupeKey(), DELIVERED)))) {
      LOG.info("Mail {} to {} in case {} was delivered before; not sent again", mail.template(),
          mail.recipient().role(), mail.caseNumber());
      return false;
    }
    RenderedMail rendered = renderer.render(mail.template(), mail.recipient().locale(), mail.model());
    String messageId;
    try {
      messageId = delivery.deliver(mail, rendered);
    } catch (MailDeliveryException e) {
      ownTransaction.executeWithoutResult(status ->
          log.save(new MailLog(mail, rendered.subject(), MailLog.Status.FAILED, clock.instant()).failed(e.getMessage())));
      throw e;
    }
    MailLog.Status status = delivery.deliveredStatus();
    MailLog entry = new MailLog(mail, rendered.subject(), status, clock.instant()).delivered(messageId);
    if (status == MailLog.Status.CAPTURED) {
      entry.withBodies(rendered);
    }
    ownTransaction.executeWithoutResult(tx -> log.save(entry));
    LOG.info("Mail {} to {} in case {}: {}", mail.template(), mail.recipient().role(), mail.caseNumber(), status);
    return true;
  }
}
