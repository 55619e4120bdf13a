package nl.mediatafel.portal;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.mediatafel.mail.PersonalLinkSource;
import nl.mediatafel.portal.PortalLink.Audience;
import org.springframework.stereotype.Component;

/** The personal links of the mails ({@code sendEmail}'s {@code portalAction}): issued by {@link PortalLinks}. */
@Component
class MailPortalLinks implements PersonalLinkSource {

  private static final List<String> PAGES = Arrays.stream(PortalAction.values())
      .map(action -> action.name().toLowerCase(Locale.ROOT)).toList();

  private final PortalLinks links;
  private final PortalAddress properties;

  MailPortalLinks(PortalLinks links, PortalAddress properties) {
    this.links = links;
    this.properties = properties;
  }

  @Override
  public List<String> pages() {
    return PAGES;
  }

  @Override
  public IssuedLink issue(String caseNumber, UUID partyId, boolean advisor, String page) {
    PortalLinks.IssuedLink link = links.issue(caseNumber, partyId, advisor ? Audience.ADVISOR : Audience.PARTY,
        PortalAction.valueOf(page.toUpperCase(Locale.ROOT)));
    return new IssuedLink(link.url(), link.expiresAt());
  }

  @Override
  public String tasklist() {
    return properties.baseUrl().resolve(URI.create("/camunda/app/tasklist/")).toString();
  }
}
