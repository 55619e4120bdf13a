package nl.mediatafel.mail;

import java.util.List;

/** A mail as it leaves: addressee, subject, the two bodies and the files, all taken from the outbox row. */
record MailMessage(String recipientName, String recipientEmail, String subject, String text, String html,
    List<Attachment> attachments) {}
