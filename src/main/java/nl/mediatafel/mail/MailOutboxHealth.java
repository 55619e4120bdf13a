package nl.mediatafel.mail;

import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code mailOutbox} in {@code /actuator/health}: how many mails wait for delivery and how many of them failed their
 * last attempt. Always UP: a mail server that is down delays mail (the delivery job retries, then an incident) but
 * does not make this node unfit to serve, so no liveness or readiness probe restarts it for that.
 */
@Component("mailOutbox")
class MailOutboxHealth implements HealthIndicator {

  private final MailLogRepository log;

  MailOutboxHealth(MailLogRepository log) {
    this.log = log;
  }

  @Override
  public Health health() {
    return Health.up()
        .withDetail("waiting", log.countByStatusIn(MailLog.Status.PENDING))
        .withDetail("failedLastAttempt", log.countByStatusIn(List.of(MailLog.Status.FAILED)))
        .build();
  }
}
