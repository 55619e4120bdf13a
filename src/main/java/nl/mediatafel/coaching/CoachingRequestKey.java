package nl.mediatafel.coaching;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import nl.mediatafel.api.RequestKey;

/** The {@code Idempotency-Key} of a coaching request and the trajectory it created. */
@Entity
@Table(name = "coaching_request_key")
class CoachingRequestKey extends RequestKey {

  protected CoachingRequestKey() {}

  CoachingRequestKey(String idempotencyKey, String requestHash, String caseNumber, Instant createdAt) {
    super(idempotencyKey, requestHash, caseNumber, createdAt);
  }
}
