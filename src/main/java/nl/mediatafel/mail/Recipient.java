package nl.mediatafel.mail;

import java.util.Locale;
import java.util.UUID;

/**
 * One addressee of a mail.
 *
 * @param partyId the party the recipient is, or advises; null for staff
 */
public record Recipient(String name, String email, Locale locale, RecipientRole role, UUID partyId) {}
