package nl.mediatafel.portal;

import nl.mediatafel.audit.Actors;
import nl.mediatafel.audit.CaseEventKind;
import nl.mediatafel.audit.CaseEvents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.CaseEnded;
import nl.mediatafel.cases.MediationCase;
import nl.mediatafel.portal.PortalLink.Audience;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and checks personal portal links: a 256-bit token from a secure random source, handed out once (in a mail)
 * and stored only as its SHA-256, bound to one party of one case, expiring and revocable.
 */
@Service
public class PortalLinks {

  /** A link just issued: the only moment the token itself exists outside the recipient's mailbox. */
  public record IssuedLink(String url, Instant expiresAt) {}

  private static final int TOKEN_BYTES = 32;
  private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

  private final PortalLinkRepository links;
  private final CaseDirectory caseDirectory;
  private final PortalProperties properties;
  private final PortalAddress address;
  private final Clock clock;
  private final CaseEvents events;
  private final SecureRandom random = new SecureRandom();

  PortalLinks(PortalLinkRepository links, CaseDirectory caseDirectory, PortalProperties properties,
      PortalAddress address, Clock clock, CaseEvents events) {
    this.events = events;
    this.links = links;
    this.caseDirectory = caseDirectory;
    this.properties = properties;
    this.address = address;
    this.clock = clock;
  }

  /**
   * A new personal link, stored as its hash. Refused for a case that has ended: its links were revoked with its last
   * status ({@link #revokeCase}), so a link made afterwards would be the only one that still worked.
   */
  @Transactional
  public IssuedLink issue(String caseNumber, UUID partyId, Audience audience, PortalAction action) {
    if (caseHasEnded(caseNumber)) {
      throw new IllegalStateException("Case " + caseNumber
          + " has ended: its links are revoked and no new one is made");
    }
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    Instant expiresAt = now.plus(properties.linkValidity());
    links.save(new PortalLink(hash(token), caseNumber, partyId, audience, action, now, expiresAt));
    String base = address.baseUrl().toString();
    return new IssuedLink(base + "/portal/" + token + action.path(), expiresAt);
  }

  /**
   * The link a token stands for, if it exists, has not expired and has not been revoked. The links of an ended case
   * are revoked with its last status and no new one is issued after it, so this needs no look at the case on every
   * portal request.
   */
  @Transactional(readOnly = true)
  public Optional<PortalLink> verify(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return links.findByTokenHash(hash(token)).filter(link -> link.isUsableAt(clock.instant()));
  }

  /** Whether the case has ended in any way ({@code CaseStatus.hasEnded()}); false for an unknown case. */
  @Transactional(readOnly = true)
  public boolean caseHasEnded(String caseNumber) {
    return caseDirectory.find(caseNumber).map(MediationCase::hasEnded).orElse(false);
  }

  /** Revokes every link of a case, of every party and advisor (the case ended). Returns how many were still open. */
  @Transactional
  public int revokeCase(String caseNumber) {
    Instant now = clock.instant();
    List<PortalLink> open = links.findByCaseNumberOrderByCreatedAtDesc(caseNumber).stream()
        .filter(link -> link.getRevokedAt() == null).toList();
    open.forEach(link -> link.revoke(now));
    if (!open.isEmpty()) {
      events.record(caseNumber, Actors.SYSTEM, CaseEventKind.LINK_REVOKED, String.valueOf(open.size()));
    }
    return open.size();
  }

  /** A case ended ({@code setCaseStatus} with an ending status): none of its links works any more. */
  @EventListener
  void onCaseEnded(CaseEnded ended) {
    revokeCase(ended.caseNumber());
  }

  /** Revokes every link of one party of a case (e.g. a party withdrew, or a mail went to a wrong address). */
  @Transactional
  public int revokeAll(String caseNumber, UUID partyId) {
    Instant now = clock.instant();
    var partyLinks = links.findByCaseNumberAndPartyId(caseNumber, partyId);
    partyLinks.forEach(link -> link.revoke(now));
    if (!partyLinks.isEmpty()) {
      events.record(caseNumber, Actors.SYSTEM, CaseEventKind.LINK_REVOKED, String.valueOf(partyLinks.size()));
    }
    return partyLinks.size();
  }

  /** Notes that the link opened a page now; written at most once a minute per link. */
  @Transactional
  public void markUsed(PortalLink link) {
    Instant now = clock.instant();
    if (links.markUsed(link.getId(), now, now.minus(USE_RESOLUTION)) > 0) {
      events.record(link.getCaseNumber(), actor(link), CaseEventKind.PORTAL_VISIT, null);
    }
  }

  /** Every link of a case, newest first, used, expired and revoked ones included (never their tokens). */
  @Transactional(readOnly = true)
  public List<PortalLink> ofCase(String caseNumber) {
    return links.findByCaseNumberOrderByCreatedAtDesc(caseNumber);
  }

  /** One link of a case; empty for a link of another case, so an id from elsewhere reveals nothing. */
  @Transactional(readOnly = true)
  public Optional<PortalLink> find(String caseNumber, UUID linkId) {
    return links.findById(linkId).filter(link -> link.getCaseNumber().equals(caseNumber));
  }

  /** Revokes one link of a case at once: its next request gets the neutral page. Revoking twice changes nothing. */
  @Transactional
  public Optional<PortalLink> revoke(String caseNumber, UUID linkId) {
    Optional<PortalLink> link = find(caseNumber, linkId);
    link.ifPresent(l -> l.revoke(clock.instant()));
    return link;
  }

  /** Who holds the link, as the case's events name them. */
  static String actor(PortalLink link) {
    return link.getAudience() == PortalLink.Audience.ADVISOR ? Actors.advisor(link.getPartyId())
        : Actors.party(link.getPartyId());
  }

  static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
