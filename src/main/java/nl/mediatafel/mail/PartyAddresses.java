package nl.mediatafel.mail;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The parties of a case as the mail addresses them (the roles {@code parties}, {@code party} and {@code advisors}).
 * Implemented by the cases feature, so mail does not read the case tables.
 */
public interface PartyAddresses {

  /** The parties of the case who have not withdrawn, in their order. */
  List<PartyAddress> activeParties(String caseNumber);

  /**
   * One party: their name, address and language, and their advisor's name and address when they have one
   * ({@code hasAdvisor}).
   */
  record PartyAddress(UUID partyId, String name, String email, Locale locale, boolean hasAdvisor, String advisorName,
      String advisorEmail) {}
}
