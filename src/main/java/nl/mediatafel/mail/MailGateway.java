package nl.mediatafel.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way out for mail, as an outbox (docs/adr/0007): {@link #queue} renders each mail in its recipient's
 * language and stores it, bodies and attachments included, in the caller's transaction, the same one that issued the
 * mail's portal link, and starts a {@code mail-delivery} instance whose asynchronous step sends them after the commit.
 * So a link exists exactly when its mail does, a rollback takes both back, and a mail server that is down or refuses
 * an address costs a retry of the delivery job, never a mail or a link.
 */
@Service
public class MailGateway {

  private static final Logger LOG = LoggerFactory.getLogger(MailGateway.class);

  private final MailRenderer renderer;
  private final MailLogRepository log;
  private final MailAttachmentRepository attachments;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Clock clock;

  MailGateway(MailRenderer renderer, MailLogRepository log, MailAttachmentRepository attachments,
      RuntimeService runtimeService, IdentityService identityService, Clock clock) {
    this.renderer = renderer;
    this.log = log;
    this.attachments = attachments;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.clock = clock;
  }

  /** Queues one mail; see {@link #queue(List)}. */
  @Transactional
  public UUID queue(OutgoingMail mail) {
    return queue(List.of(mail));
  }

  /**
   * Queues mails of one case for delivery together, in the caller's transaction.
   *
   * @return the batch id the delivery job sends; null when there was nothing to send
   */
  @Transactional
  public UUID queue(List<OutgoingMail> mails) {
    if (mails.isEmpty()) {
      return null;
    }
    UUID batch = UUID.randomUUID();
    Instant now = clock.instant();
    String caseNumber = mails.get(0).caseNumber();
    for (OutgoingMail mail : mails) {
      RenderedMail rendered = renderer.render(mail.template(), mail.recipient().locale(), mail.model());
      MailLog row = log.save(new MailLog(mail, rendered, batch, now));
      for (int i = 0; i < mail.attachments().size(); i++) {
        attachments.save(new MailAttachment(row.getId(), i, mail.attachments().get(i)));
      }
    }
    startDelivery(batch, caseNumber);
    LOG.info("{} mail(s) {} queued in case {} (batch {})", mails.size(),
        mails.stream().map(OutgoingMail::template).distinct().toList(), caseNumber, batch);
    return batch;
  }

  /**
   * The delivery is the system's work, not the caller's: a mediator posting in the forum or the secretariat renewing
   * a link need no right to start {@code mail-delivery} (nobody has it), so it starts without the caller's login.
   */
  private void startDelivery(UUID batch, String caseNumber) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      runtimeService.startProcessInstanceByKey(MailDeliveryProcess.KEY, caseNumber,
          java.util.Map.of(MailDeliveryProcess.MAIL_BATCH_ID.name(), batch.toString()));
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
