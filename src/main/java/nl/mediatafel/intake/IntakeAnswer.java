package nl.mediatafel.intake;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A party's intake questionnaire: a draft until it is submitted, then fixed. */
@Entity
@Table(name = "intake_answer")
public class IntakeAnswer {

  @Id
  private UUID id;
  private String caseNumber;
  private UUID partyId;
  private String whatHappened;
  private String whatMatters;
  private String goodOutcome;
  private String othersInvolved;
  private String urgency;
  private String availability;
  private boolean safetyConcern;
  private String safetyNote;
  private Instant updatedAt;
  private Instant submittedAt;

  protected IntakeAnswer() {}

  IntakeAnswer(String caseNumber, UUID partyId) {
    this.id = UUID.randomUUID();
    this.caseNumber = caseNumber;
    this.partyId = partyId;
  }

  void fill(IntakeForm form, Instant at) {
    this.whatHappened = form.whatHappened();
    this.whatMatters = form.whatMatters();
    this.goodOutcome = form.goodOutcome();
    this.othersInvolved = form.othersInvolved();
    this.urgency = form.urgency();
    this.availability = form.availability();
    this.safetyConcern = form.hasSafetyConcern();
    this.safetyNote = form.hasSafetyConcern() ? form.safetyNote() : null;
    this.updatedAt = at;
  }

  void submit(Instant at) {
    this.submittedAt = at;
  }

  public boolean isSubmitted() {
    return submittedAt != null;
  }

  public IntakeForm asForm() {
    return new IntakeForm(whatHappened, whatMatters, goodOutcome, othersInvolved, urgency, availability,
        safetyConcern, safetyNote);
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public UUID getPartyId() {
    return partyId;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }
}
