package nl.mediatafel.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.web.LocaleConfiguration;
import org.springframework.stereotype.Component;

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
  private final Clock clock;

  PortalAccess(PortalLinks links, PartyRepository parties, Clock clock) {
    this.links = links;
    this.parties = parties;
    this.clock = clock;
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

  Clock clock() {
    return clock;
  }
}
