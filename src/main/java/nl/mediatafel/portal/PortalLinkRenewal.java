package nl.mediatafel.portal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.mediatafel.cases.CaseStatus;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.CaseStatus;
import nl.mediatafel.cases.MediationCase;
import nl.mediatafel.cases.CaseStatus;
import nl.mediatafel.cases.Party;
import nl.mediatafel.mail.MailGateway;
import nl.mediatafel.mail.MailProperties;
import nl.mediatafel.mail.OutgoingMail;
import nl.mediatafel.mail.Recipient;
import nl.mediatafel.mail.RecipientRole;
import nl.mediatafel.portal.PortalLink.Audience;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Send a new link" for the secretariat: revokes a link and mails its holder (the party or their advisor) a fresh
 * one to the same page. The new link and its mail are queued in one transaction with the revocation: the mail
 * server's state cannot leave a link without its mail (a mail server that is down delays it; the delivery job retries).
 */
@Service
class PortalLinkRenewal {

  /** The internal mail with the fresh link ({@code mail.portal-link-renewed.*}). */
  static final String TEMPLATE = "portal-link-renewed";
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  /** Why a link cannot be renewed: its holder withdrew, or an advisor no longer advises the party. */
  static class NotRenewableException extends RuntimeException {
    NotRenewableException(String message) {
      super(message);
    }
  }

  /** The case has ended (closed, terminated, referred, stopped, …): its links are revoked and no new one is sent. */
  static final class CaseEndedException extends NotRenewableException {
    private final CaseStatus status;

    CaseEndedException(String caseNumber, CaseStatus status) {
      super("case " + caseNumber + " has ended (" + status + ")");
      this.status = status;
    }

    CaseStatus status() {
      return status;
    }
  }

  private final PortalLinks links;
  private final CaseDirectory caseDirectory;
  private final MailGateway mail;
  private final MailProperties mailProperties;

  PortalLinkRenewal(PortalLinks links, CaseDirectory caseDirectory, MailGateway mail,
      MailProperties mailProperties) {
    this.links = links;
    this.caseDirectory = caseDirectory;
    this.mail = mail;
    this.mailProperties = mailProperties;
  }

  /**
   * @return the old link, now revoked; empty when the case has no such link
   * @throws CaseEndedException when the case has ended: nothing is revoked, issued or mailed
   * @throws NotRenewableException when there is nobody to send a new link to
   */
  @Transactional
  Optional<PortalLink> renew(String caseNumber, UUID linkId) {
    Optional<PortalLink> old = links.find(caseNumber, linkId);
    if (old.isEmpty()) {
      return old;
    }
    Optional<MediationCase> ended = caseDirectory.find(caseNumber).filter(MediationCase::hasEnded);
    if (ended.isPresent()) {
      throw new CaseEndedException(caseNumber, ended.get().getStatus());
    }
    PortalLink link = old.get();
    Party party = caseDirectory.findParty(link.getPartyId()).filter(Party::isActive)
        .orElseThrow(() -> new NotRenewableException("the party has withdrawn"));
    boolean advisor = link.getAudience() == Audience.ADVISOR;
    if (advisor && party.getAdvisorEmail() == null) {
      throw new NotRenewableException("the party has no advisor");
    }
    links.revoke(caseNumber, linkId);
    PortalLinks.IssuedLink fresh = links.issue(caseNumber, party.getId(), link.getAudience(), link.getAction());
    Recipient recipient = new Recipient(advisor ? party.getAdvisorName() : party.getName(),
        advisor ? party.getAdvisorEmail() : party.getEmail(), party.locale(),
        advisor ? RecipientRole.ADVISORS : RecipientRole.PARTY, party.getId());
    mail.queue(new OutgoingMail(caseNumber, TEMPLATE, recipient, Map.of(
        "recipientName", recipient.name(), "caseNumber", caseNumber,
        "practiceName", mailProperties.practiceName(), "detail", "",
        "link", fresh.url(),
        "linkExpiry", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
            .withLocale(recipient.locale()).withZone(AMSTERDAM).format(fresh.expiresAt())), List.of()));
    return old;
  }
}
