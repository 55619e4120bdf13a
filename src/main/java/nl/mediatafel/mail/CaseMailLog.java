package nl.mediatafel.mail;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mails of one case for the staff dossier: subject, recipient, time and delivery state, never a body (mails
 * carry personal links; the outbox page is where the secretariat reads a captured mail).
 */
@Service
public class CaseMailLog {

  /** One mail: who it went to and whether it left; {@code delivered} is true when the mail server took it. */
  public record Entry(String subject, String recipientName, String recipientEmail, String template, Instant createdAt,
      Instant deliveredAt, String status, boolean delivered, boolean failed) {}

  private final MailLogRepository log;

  CaseMailLog(MailLogRepository log) {
    this.log = log;
  }

  /** The newest {@code limit} mails of the case, newest first (one bounded query). */
  @Transactional(readOnly = true)
  public List<Entry> newest(String caseNumber, int limit) {
    return log.findByCaseNumberOrderByCreatedAtDesc(caseNumber, PageRequest.of(0, Math.max(1, limit))).stream()
        .map(mail -> new Entry(mail.getSubject(), mail.getRecipientName(), mail.getRecipientEmail(),
            mail.getTemplate(), mail.getCreatedAt(), mail.getDeliveredAt(), mail.getStatus().name(),
            mail.getStatus() == MailLog.Status.SENT || mail.getStatus() == MailLog.Status.CAPTURED,
            mail.getStatus() == MailLog.Status.FAILED))
        .toList();
  }
}
