package nl.mediatafel.mail;

import java.util.List;
import java.util.UUID;
import nl.mediatafel.security.StaffAccess;
import nl.mediatafel.security.StaffGroup;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The outbox: the mail log for the secretariat, filterable by case. In the default profile mail is captured here
 * instead of sent, and each captured mail can be opened as its recipient would see it, links included.
 */
@Controller
class OutboxController {

  private final MailLogRepository log;
  private final StaffAccess access;

  OutboxController(MailLogRepository log, StaffAccess access) {
    this.log = log;
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
    return "outbox/mail";
  }
}
