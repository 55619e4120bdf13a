package nl.mediatafel.mail;

/** A mail's texts in the recipient's language. */
public record RenderedMail(String subject, String html, String text) {}
