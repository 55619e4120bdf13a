package nl.mediatafel.portal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A row of {@code advisor_confidentiality} (changeset 110): an advisor confirmed, with the link they used and when,
 * that they keep what the portal shows of the party's mediation confidential. Bound to the party and the advisor's
 * address, so a new advisor of the same party confirms again, and a new link for the same advisor does not ask twice.
 */
@Entity
@Table(name = "advisor_confidentiality")
class AdvisorConfidentiality {

  @Id
  private UUID id;
  private String caseNumber;
  private UUID partyId;
  private String advisorEmail;
  private UUID portalLinkId;
  private Instant confirmedAt;

  protected AdvisorConfidentiality() {}

  AdvisorConfidentiality(PortalLink link, String advisorEmail, Instant confirmedAt) {
    this.id = UUID.randomUUID();
    this.caseNumber = link.getCaseNumber();
    this.partyId = link.getPartyId();
    this.advisorEmail = advisorEmail.toLowerCase(Locale.ROOT);
    this.portalLinkId = link.getId();
    this.confirmedAt = confirmedAt;
  }

  UUID getPortalLinkId() {
    return portalLinkId;
  }

  Instant getConfirmedAt() {
    return confirmedAt;
  }
}
