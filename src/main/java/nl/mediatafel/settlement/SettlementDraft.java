package nl.mediatafel.settlement;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One version of the points a mediator drafted for a case's settlement agreement. */
@Entity
@Table(name = "settlement_draft")
public class SettlementDraft {

  @Id
  private UUID id;
  private String caseNumber;
  private int version;
  private String points;
  private String draftedBy;
  private Instant draftedAt;

  protected SettlementDraft() {}

  SettlementDraft(String caseNumber, int version, List<String> points, String draftedBy, Instant draftedAt) {
    this.id = UUID.randomUUID();
    this.caseNumber = caseNumber;
    this.version = version;
    this.points = String.join("\n", points);
    this.draftedBy = draftedBy;
    this.draftedAt = draftedAt;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public int getVersion() {
    return version;
  }

  public List<String> getPoints() {
    return Arrays.asList(points.split("\n"));
  }

  public String getDraftedBy() {
    return draftedBy;
  }

  public Instant getDraftedAt() {
    return draftedAt;
  }
}
