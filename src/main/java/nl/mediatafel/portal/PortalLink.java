package nl.mediatafel.portal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A personal portal link. Only the SHA-256 of its token is stored: a database leak reveals no working link. */
@Entity
@Table(name = "portal_link")
public class PortalLink {

  /** Who holds the link: the party, or the party's advisor (who acts for that party, read-only). */
  public enum Audience { PARTY, ADVISOR }

  @Id
  private UUID id;
  private String tokenHash;
  private String caseNumber;
  private UUID partyId;
  @Enumerated(EnumType.STRING)
  private Audience audience;
  @Enumerated(EnumType.STRING)
  private PortalAction action;
  private Instant createdAt;
  private Instant expiresAt;
  private Instant revokedAt;
  private Instant lastUsedAt;

  protected PortalLink() {}

  PortalLink(String tokenHash, String caseNumber, UUID partyId, Audience audience, PortalAction action,
      Instant createdAt, Instant expiresAt) {
    this.id = UUID.randomUUID();
    this.tokenHash = tokenHash;
    this.caseNumber = caseNumber;
    this.partyId = partyId;
    this.audience = audience;
    this.action = action;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  public boolean isUsableAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  void revoke(Instant at) {
    if (revokedAt == null) {
      revokedAt = at;
    }
  }

  /**
   * The first 8 hex digits of the token's SHA-256: tells links apart on the staff page (and a link in a mail from its
   * row, by hashing the mail's token) without revealing anything that opens the link.
   */
  public String fingerprint() {
    return tokenHash.substring(0, 8);
  }

  String getTokenHash() {
    return tokenHash;
  }

  public UUID getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public UUID getPartyId() {
    return partyId;
  }

  public Audience getAudience() {
    return audience;
  }

  public PortalAction getAction() {
    return action;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** When the link last opened a portal page (kept to the minute); null when never used. */
  public Instant getLastUsedAt() {
    return lastUsedAt;
  }
}
