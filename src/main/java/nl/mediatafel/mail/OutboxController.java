package nl.mediatafel.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import nl.mediatafel.security.StaffAccess;
import nl.mediatafel.security.StaffGroup;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The outbox: the mail log for the secretariat, filterable by case. In the default profile mail is captured here
 * instead of sent, and each captured mail can be opened as its recipient would see it, links included. Each mail
 * lists its attachments, each can be downloaded, and so can the whole message as an {@code .eml} file, built from the
 * stored bodies and attachments with the mail's own {@code Message-ID}. A sent mail's bodies no longer hold the
 * personal link's token (docs/adr/0007): its {@code .eml} has the link without it, and says so in a header.
 * Secretariat and administrators only, like the list.
 */
@Controller
class OutboxController {

  /** Header of a downloaded {@code .eml} whose link token was removed after sending. */
  static final String SCRUBBED_HEADER = "X-Mediatafel-Link-Removed";

  private final MailLogRepository log;
  private final MailAttachmentRepository attachments;
  private final MailProperties properties;
  private final StaffAccess access;

  OutboxController(MailLogRepository log, MailAttachmentRepository attachments, MailProperties properties,
      StaffAccess access) {
    this.log = log;
    this.attachments = attachments;
    this.properties = properties;
    this.access = access;
  }

  @GetMapping("/outbox")
  String outbox(@RequestParam(name = "case", required = false) String caseNumber, Model model) {
    access.requireAnyOf(StaffGroup.SECRETARIAT, StaffGroup.ADMINISTRATORS);
    String filter = caseNumber == null || caseNumber.isBlank() ? null : caseNumber.trim();
    List<MailLog> mails = filter == null ? log.findTop200ByOrderByCreatedAtDesc()
        : log.findByCaseNumberOrderByCreatedAtDesc(filter);
    model.addAttribute("mails", mails);
    model.addAttribute("caseFilter", filter);
    return "outbox/list";
  }

  @GetMapping("/outbox/{id}")
  String mail(@PathVariable UUID id, Model model) {
    access.requireAnyOf(StaffGroup.SECRETARIAT, StaffGroup.ADMINISTRATORS);
    MailLog mail = log.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("mail", mail);
    model.addAttribute("files", attachments.findByMailIdOrderByPosition(id));
    model.addAttribute("scrubbed", linkRemoved(mail));
    return "outbox/mail";
  }

  /** The raw message ({@code message/rfc822}) as it went out, from the stored bodies and attachments. */
  @GetMapping("/outbox/{id}/message.eml")
  ResponseEntity<byte[]> eml(@PathVariable UUID id) {
    access.requireAnyOf(StaffGroup.SECRETARIAT, StaffGroup.ADMINISTRATORS);
    MailLog mail = log.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (mail.getHtmlBody() == null && mail.getTextBody() == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "this mail's bodies were not kept");
    }
    List<Attachment> files = attachments.findByMailIdOrderByPosition(id).stream().map(MailAttachment::toAttachment)
        .toList();
    MailMessage message = new MailMessage(mail.getId(), mail.getRecipientName(), mail.getRecipientEmail(),
        mail.getSubject(), mail.getTextBody(), mail.getHtmlBody(), files);
    try {
      MimeMessage mime = MimeMail.of(message, properties.from());
      if (mail.getDeliveredAt() != null) {
        mime.setSentDate(java.util.Date.from(mail.getDeliveredAt()));
      }
      if (linkRemoved(mail)) {
        mime.setHeader(SCRUBBED_HEADER, "the personal link's token was removed from this copy after sending");
      }
      mime.saveChanges();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      mime.writeTo(out);
      return download(out.toByteArray(), "message/rfc822", mail.getCaseNumber() + "-" + mail.getId() + ".eml");
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("The stored mail " + id + " cannot be written as a message", e);
    }
  }

  /** A sent mail that had a personal link: the stored copy has it without the token. */
  private static boolean linkRemoved(MailLog mail) {
    return mail.getStatus() == MailLog.Status.SENT && mail.getTextBody() != null
        && mail.getTextBody().contains(MailLog.withoutToken("/portal/" + "x".repeat(20)));
  }

  /** One attachment of a mail, by its position in the mail (0, 1, …), as the recipient got it. */
  @GetMapping("/outbox/{id}/attachments/{position}")
  ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable int position) {
    access.requireAnyOf(StaffGroup.SECRETARIAT, StaffGroup.ADMINISTRATORS);
    MailAttachment file = attachments.findByMailIdOrderByPosition(id).stream()
        .filter(candidate -> candidate.getPosition() == position).findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return download(file.toAttachment().content(), file.getContentType(), file.getFileName());
  }

  /** Always a download, never rendered in the staff member's browser (an HTML or SVG attachment could script). */
  private static ResponseEntity<byte[]> download(byte[] content, String contentType, String fileName) {
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType);
    } catch (org.springframework.http.InvalidMediaTypeException e) {
      type = MediaType.APPLICATION_OCTET_STREAM;
    }
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(content);
  }
}
