package nl.mediatafel.mail;

/** A mail's texts in the recipient's language. */
record RenderedMail(String subject, String html, String text) {}
