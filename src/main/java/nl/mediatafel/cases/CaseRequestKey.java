package nl.mediatafel.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The {@code Idempotency-Key} of a request and the case it created. */
@Entity
@Table(name = "case_request_key")
class CaseRequestKey {

  @Id
  private String idempotencyKey;
  private String requestHash;
  private String caseNumber;
  private Instant createdAt;

  protected CaseRequestKey() {}

  CaseRequestKey(String idempotencyKey, String requestHash, String caseNumber, Instant createdAt) {
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
