package nl.mediatafel.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.web.LocaleConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one gate every portal page passes: a working link of an active party, and, for anything about the case, a
 * browser session that has confirmed that party's address. Pages of other features ask here, never the token table.
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
  }

  private final PortalLinks links;
  private final PartyRepository parties;

  PortalAccess(PortalLinks links, PartyRepository parties) {
    this.links = links;
    this.parties = parties;
  }

  /** The holder of a working link, and the page set to speak their language; empty for any other token. */
  public Optional<Holder> holder(String token, HttpServletRequest request) {
    Optional<Holder> holder = links.verify(token).flatMap(link ->
        parties.findByMediationCaseCaseNumberOrderByPosition(link.getCaseNumber()).stream()
            .filter(party -> party.getId().equals(link.getPartyId()) && party.isActive())
            .findFirst()
            .map(party -> new Holder(token, link, party)));
    holder.ifPresent(h -> request.setAttribute(LocaleConfiguration.LANGUAGE_ATTRIBUTE, h.party().locale()));
    return holder;
  }

  /** The holder, only when this browser session has confirmed the holder's address with a code. */
  public Optional<Holder> confirmed(String token, HttpServletRequest request) {
    return holder(token, request).filter(h -> PortalVisit.of(request.getSession()).isConfirmed(h.link()));
  }

  /**
   * The answer for a page of someone who may not see it yet: the code confirmation at this same address when the
   * link works, else the neutral page for links that do not.
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
