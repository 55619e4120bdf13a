package nl.mediatafel.mail;

/** A file sent with a mail: a PDF the recipient is a party to, or a calendar invitation. */
public record Attachment(String fileName, String contentType, byte[] content) {}
