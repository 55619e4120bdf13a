package nl.mediatafel.coaching;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A coaching conversation as the coach recorded it (table {@code coaching_session}): when, how, how many hours. */
@Entity
@Table(name = "coaching_session")
class CoachingSession {

  @Id
  private UUID id;
  private String caseNumber;
  private LocalDate heldOn;
  /** {@code ONLINE} or {@code IN_PERSON}. */
  private String form;
  private BigDecimal hours;
  private Instant recordedAt;

  protected CoachingSession() {}

  CoachingSession(String caseNumber, LocalDate heldOn, String form, BigDecimal hours, Instant recordedAt) {
    this.id = UUID.randomUUID();
    this.caseNumber = caseNumber;
    this.heldOn = heldOn;
    this.form = form;
    this.hours = hours;
    this.recordedAt = recordedAt;
  }

  public UUID getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public LocalDate getHeldOn() {
    return heldOn;
  }

  public String getForm() {
    return form;
  }

  public BigDecimal getHours() {
    return hours;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
