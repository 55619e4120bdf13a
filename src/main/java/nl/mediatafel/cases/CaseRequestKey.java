package nl.mediatafel.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import nl.mediatafel.api.RequestKey;

/** The {@code Idempotency-Key} of a request and the case it created. */
@Entity
@Table(name = "case_request_key")
class CaseRequestKey extends RequestKey {

  protected CaseRequestKey() {}

  CaseRequestKey(String idempotencyKey, String requestHash, String caseNumber, Instant createdAt) {
    super(idempotencyKey, requestHash, caseNumber, createdAt);
  }
}
