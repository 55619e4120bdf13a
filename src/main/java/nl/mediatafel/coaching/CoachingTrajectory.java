package nl.mediatafel.coaching;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What only a coaching trajectory has, next to its {@code mediation_case} row of kind {@code COACHING} (changeset
 * 100-coaching): the preferred form, the coach's advice (kept here, never as a process variable) and the mediation
 * request it was converted into.
 */
@Entity
@Table(name = "coaching_trajectory")
class CoachingTrajectory {

  @Id
  private String caseNumber;
  private String preferredForm;
  private String advice;
  private Instant adviceRecordedAt;
  private String convertedTo;
  private Instant convertedAt;

  protected CoachingTrajectory() {}

  CoachingTrajectory(String caseNumber, String preferredForm) {
    this.caseNumber = caseNumber;
    this.preferredForm = preferredForm;
  }

  void recordAdvice(String advice, Instant at) {
    this.advice = advice;
    this.adviceRecordedAt = at;
  }

  void convertedTo(String mediationCaseNumber, Instant at) {
    this.convertedTo = mediationCaseNumber;
    this.convertedAt = at;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getPreferredForm() {
    return preferredForm;
  }

  public String getAdvice() {
    return advice;
  }

  public Instant getAdviceRecordedAt() {
    return adviceRecordedAt;
  }

  public String getConvertedTo() {
    return convertedTo;
  }

  public Instant getConvertedAt() {
    return convertedAt;
  }
}
