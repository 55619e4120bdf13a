package nl.mediatafel.intake;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The mediator's intake conversation with one party, for the mediator's file. */
@Entity
@Table(name = "intake_conversation")
class IntakeConversation {

  @Id
  private UUID id;
  private String caseNumber;
  private UUID partyId;
  private String channel;
  private boolean wayOfWorkingExplained;
  private String notes;
  private String heldBy;
  private Instant recordedAt;

  protected IntakeConversation() {}

  IntakeConversation(String caseNumber, UUID partyId) {
    this.id = UUID.randomUUID();
    this.caseNumber = caseNumber;
    this.partyId = partyId;
  }

  void record(String channel, boolean wayOfWorkingExplained, String notes, String heldBy, Instant at) {
    this.channel = channel;
    this.wayOfWorkingExplained = wayOfWorkingExplained;
    this.notes = notes;
    this.heldBy = heldBy;
    this.recordedAt = at;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public UUID getPartyId() {
    return partyId;
  }

  public String getChannel() {
    return channel;
  }

  public boolean isWayOfWorkingExplained() {
    return wayOfWorkingExplained;
  }

  public String getNotes() {
    return notes;
  }

  public String getHeldBy() {
    return heldBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
