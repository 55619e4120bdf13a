package nl.mediatafel.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.Party;
import nl.mediatafel.web.LocaleConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one gate every portal page passes: a working link of an active party, and, for anything about the case, a
 * browser session that has confirmed that party's address; an advisor must also have confirmed confidentiality.
 * Pages of other features ask here, never the token table.
 */
@Component
public class PortalAccess {

  /** Who holds a working link: the party (or their advisor) and the link itself. */
  public record Holder(String token, PortalLink link, Party party) {

    public boolean isAdvisor() {
      return link.getAudience() == PortalLink.Audience.ADVISOR;
    }

    public String caseNumber() {
      return link.getCaseNumber();
    }

    /** The address the link's mails go to: the party's, or the advisor's. */
    public String email() {
      return isAdvisor() ? party.getAdvisorEmail() : party.getEmail();
    }
  }

  private final PortalLinks links;
  private final CaseDirectory caseDirectory;
  private final AdvisorConfidentialityRepository confidentiality;
  private final Clock clock;

  PortalAccess(PortalLinks links, CaseDirectory caseDirectory, AdvisorConfidentialityRepository confidentiality,
      Clock clock) {
    this.links = links;
    this.caseDirectory = caseDirectory;
    this.confidentiality = confidentiality;
    this.clock = clock;
  }

  /**
   * The holder of a working link, and the page set to speak their language; empty for any other token, and for an
   * advisor's link of a party that no longer has that advisor.
   */
  public Optional<Holder> holder(String token, HttpServletRequest request) {
    Optional<Holder> holder = links.verify(token).flatMap(link ->
        caseDirectory.parties(link.getCaseNumber()).stream()
            .filter(party -> party.getId().equals(link.getPartyId()) && party.isActive())
            .findFirst()
            .map(party -> new Holder(token, link, party)))
        .filter(h -> h.email() != null);
    holder.ifPresent(h -> {
      request.setAttribute(LocaleConfiguration.LANGUAGE_ATTRIBUTE, h.party().locale());
      links.markUsed(h.link());
    });
    return holder;
  }

  /**
   * The holder, only when this browser session has confirmed the holder's address with a code and, for an advisor,
   * the advisor has confirmed confidentiality. Every page with something of the case asks this.
   */
  public Optional<Holder> confirmed(String token, HttpServletRequest request) {
    return addressConfirmed(token, request).filter(h -> !h.isAdvisor() || hasConfirmedConfidentiality(h));
  }

  /** The holder when this browser session confirmed the address; an advisor may still owe the confidentiality. */
  Optional<Holder> addressConfirmed(String token, HttpServletRequest request) {
    return holder(token, request).filter(h -> PortalVisit.of(request.getSession()).isConfirmed(h.link()));
  }

  /** Whether the advisor of this link confirmed confidentiality for this party (with any of their links). */
  boolean hasConfirmedConfidentiality(Holder holder) {
    return holder.isAdvisor() && confidentiality.findByPartyIdAndAdvisorEmail(holder.party().getId(),
        holder.email().toLowerCase(Locale.ROOT)).isPresent();
  }

  /** Records the advisor's confirmation of confidentiality with the link used and the time; once per advisor. */
  @Transactional
  void confirmConfidentiality(Holder holder) {
    if (holder.isAdvisor() && !hasConfirmedConfidentiality(holder)) {
      confidentiality.save(new AdvisorConfidentiality(holder.link(), holder.email(), clock.instant()));
    }
  }

  /**
   * The answer for a page of someone who may not see it yet: the code confirmation (or an advisor's confidentiality
   * page) at this same address when the link works, else the neutral page for links that do not.
   */
  public ModelAndView notConfirmed(String token, HttpServletRequest request) {
    if (holder(token, request).isPresent()) {
      // a page is shown in place (GET); a form posted before confirming goes back to the confirmation
      return "GET".equals(request.getMethod()) ? new ModelAndView("forward:/portal/" + token)
          : new ModelAndView("redirect:/portal/" + token, HttpStatus.SEE_OTHER);
    }
    return new ModelAndView("portal/invalid", HttpStatus.NOT_FOUND);
  }
}
