package nl.mediatafel.mail;

import java.util.List;
import java.util.UUID;

/**
 * A mail as it leaves: addressee, subject, the two bodies and the files, all taken from the outbox row.
 *
 * @param id the outbox row's id, which makes the mail's {@code Message-ID}: a copy sent again after a crash carries
 *     the same one, so mail servers and clients that drop duplicates by it show the party one mail
 */
record MailMessage(UUID id, String recipientName, String recipientEmail, String subject, String text, String html,
    List<Attachment> attachments) {

  /** {@code <id@domain of the sender address>}. */
  String messageId(String from) {
    String address = from.replaceFirst("^.*<", "").replaceFirst(">.*$", "").trim();
    String domain = address.contains("@") ? address.substring(address.lastIndexOf('@') + 1) : "mediatafel.invalid";
    return "<" + id + "@" + domain + ">";
  }
}
