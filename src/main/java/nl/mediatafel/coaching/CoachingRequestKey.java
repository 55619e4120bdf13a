package nl.mediatafel.coaching;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The {@code Idempotency-Key} of a coaching request and the trajectory it created. */
@Entity
@Table(name = "coaching_request_key")
class CoachingRequestKey {

  @Id
  private String idempotencyKey;
  private String requestHash;
  private String caseNumber;
  private Instant createdAt;

  protected CoachingRequestKey() {}

  CoachingRequestKey(String idempotencyKey, String requestHash, String caseNumber, Instant createdAt) {
    this.idempotencyKey = idempotencyKey;
    this.requestHash = requestHash;
    this.caseNumber = caseNumber;
    this.createdAt = createdAt;
  }

  String requestHash() {
    return requestHash;
  }

  String caseNumber() {
    return caseNumber;
  }
}
