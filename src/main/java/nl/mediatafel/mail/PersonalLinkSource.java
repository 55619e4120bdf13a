package nl.mediatafel.mail;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The links a mail carries: a personal portal link for a party or an advisor, and Camunda's Tasklist for staff.
 * Implemented by the portal feature, so mail does not know the portal's links.
 */
public interface PersonalLinkSource {

  /** The portal pages a link can open, by the names the models use ({@code case}, {@code intake}, …). */
  List<String> pages();

  /** A new personal link to one of {@link #pages()} for a party, or for the party's advisor. */
  IssuedLink issue(String caseNumber, UUID partyId, boolean advisor, String page);

  /** The address of Camunda's Tasklist, the staff's link in a mail that asks them to act. */
  String tasklist();

  /** A personal link and the moment it stops working. */
  record IssuedLink(String url, Instant expiresAt) {}
}
