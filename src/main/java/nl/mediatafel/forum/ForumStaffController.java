package nl.mediatafel.forum;

import nl.mediatafel.audit.Actors;
import nl.mediatafel.audit.CaseEventKind;
import nl.mediatafel.audit.CaseEvents;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.MediationCase;
import nl.mediatafel.security.FormCsrf;
import nl.mediatafel.security.StaffAccess;
import nl.mediatafel.security.StaffGroup;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The forum of a case for staff, {@code /forum/{caseNumber}} (HTTP Basic, linked from the forum-round tasks and the
 * mediator's mails): the case's own mediator reads every thread and posts in the joint thread or in one party's caucus;
 * the secretariat reads along. Another mediator gets the same 404 as for a case that does not exist.
 */
@Controller
@RequestMapping("/forum/{caseNumber}")
class ForumStaffController {

  private final StaffAccess access;
  private final CaseDirectory caseDirectory;
  private final ForumService forum;
  private final ForumPages pages;
  private final FormCsrf csrf;
  private final CaseEvents events;

  ForumStaffController(StaffAccess access, CaseDirectory caseDirectory, ForumService forum, ForumPages pages,
      FormCsrf csrf, CaseEvents events) {
    this.events = events;
    this.access = access;
    this.caseDirectory = caseDirectory;
    this.forum = forum;
    this.pages = pages;
    this.csrf = csrf;
  }

  @GetMapping
  ModelAndView show(@PathVariable String caseNumber, @RequestParam(required = false) String posted,
      HttpServletRequest request) {
    ForumParticipant reader = reader(caseNumber);
    // the staff page shows the caucus threads too: reading it is on the case's record (who and when, no text)
    events.record(caseNumber, Actors.staff(reader.userId()), CaseEventKind.FORUM_VIEWED, null);
    ModelAndView page = page(reader, Map.of(), null, "", request, HttpStatus.OK);
    page.addObject("posted", posted != null);
    return page;
  }

  @PostMapping
  ModelAndView post(@PathVariable String caseNumber, @RequestParam(required = false) String thread,
      @RequestParam(required = false) String text, HttpServletRequest request) {
    ForumParticipant author = reader(caseNumber);
    if (author.role() != ForumParticipant.Role.MEDIATOR) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    if (!csrf.accepts(request)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    ForumThread target;
    try {
      target = ForumThread.of(caseNumber, thread);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    try {
      forum.post(target, author, text);
    } catch (ForumAccessDeniedException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    } catch (InvalidForumPostException e) {
      return page(author, Map.of(target.key(), e.messageKey()), target.key(), text == null ? "" : text, request,
          HttpStatus.BAD_REQUEST);
    }
    return new ModelAndView("redirect:/forum/" + caseNumber + "?posted#" + ForumPageController.anchor(target.key()),
        HttpStatus.SEE_OTHER);
  }

  /** The case's own mediator, or the secretariat (and administrators) reading along. */
  private ForumParticipant reader(String caseNumber) {
    String user = access.requireAnyOf(StaffGroup.SECRETARIAT, StaffGroup.ADMINISTRATORS, StaffGroup.MEDIATORS);
    MediationCase mediationCase = caseDirectory.find(caseNumber)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (user.equals(forum.mediatorOf(mediationCase.getCaseNumber()))) {
      return ForumParticipant.mediator(caseNumber, user);
    }
    if (access.isMemberOfAny(StaffGroup.SECRETARIAT, StaffGroup.ADMINISTRATORS)) {
      return ForumParticipant.secretariat(caseNumber, user);
    }
    throw new ResponseStatusException(HttpStatus.NOT_FOUND);
  }

  private ModelAndView page(ForumParticipant reader, Map<String, String> errors, String draftThread, String draft,
      HttpServletRequest request, HttpStatus status) {
    ModelAndView page = new ModelAndView("forum/staff", status);
    page.addObject("caseNumber", reader.caseNumber());
    page.addObject("mediator", reader.role() == ForumParticipant.Role.MEDIATOR);
    pages.withThreads(page, reader, errors, draftThread, draft);
    page.addObject("csrfParameter", FormCsrf.PARAMETER);
    page.addObject("csrfToken", csrf.token(request));
    return page;
  }
}
