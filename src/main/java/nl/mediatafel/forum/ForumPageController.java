package nl.mediatafel.forum;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import nl.mediatafel.portal.PortalAccess;
import nl.mediatafel.portal.PortalAccess.Holder;
import nl.mediatafel.security.FormCsrf;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The forum in the portal, {@code /portal/{token}/forum}: for a party the joint thread and their own caucus thread
 * with the mediator, a form to post in each; for an advisor the joint thread, read-only. Only after the address was
 * confirmed; CSRF-protected; every text is rendered escaped. A thread the holder may not write in gets the neutral
 * page, as if it did not exist.
 */
@Controller
@RequestMapping("/portal/{token}/forum")
class ForumPageController {

  private final PortalAccess access;
  private final ForumService forum;
  private final ForumPages pages;
  private final FormCsrf csrf;

  ForumPageController(PortalAccess access, ForumService forum, ForumPages pages, FormCsrf csrf) {
    this.access = access;
    this.forum = forum;
    this.pages = pages;
    this.csrf = csrf;
  }

  @GetMapping
  ModelAndView show(@PathVariable String token, @RequestParam(required = false) String posted,
      HttpServletRequest request) {
    Optional<Holder> holder = access.confirmed(token, request);
    if (holder.isEmpty()) {
      return access.notConfirmed(token, request);
    }
    ModelAndView page = page(holder.get(), Map.of(), null, "", request, HttpStatus.OK);
    page.addObject("posted", posted != null);
    return page;
  }

  @PostMapping
  ModelAndView post(@PathVariable String token, @RequestParam(required = false) String thread,
      @RequestParam(required = false) String text, HttpServletRequest request) {
    Optional<Holder> holder = access.confirmed(token, request);
    if (holder.isEmpty()) {
      return access.notConfirmed(token, request);
    }
    if (!csrf.accepts(request)) {
      return new ModelAndView("portal/refused", HttpStatus.FORBIDDEN);
    }
    ForumThread target;
    try {
      target = ForumThread.of(holder.get().caseNumber(), thread);
    } catch (IllegalArgumentException e) {
      return new ModelAndView("portal/invalid", HttpStatus.NOT_FOUND);
    }
    try {
      forum.post(target, participant(holder.get()), text);
    } catch (ForumAccessDeniedException e) {
      return new ModelAndView("portal/invalid", HttpStatus.NOT_FOUND);
    } catch (InvalidForumPostException e) {
      return page(holder.get(), Map.of(target.key(), e.messageKey()), target.key(), text == null ? "" : text,
          request, HttpStatus.BAD_REQUEST);
    }
    return new ModelAndView("redirect:/portal/" + token + "/forum?posted#" + anchor(target.key()),
        HttpStatus.SEE_OTHER);
  }

  private ModelAndView page(Holder holder, Map<String, String> errors, String draftThread, String draft,
      HttpServletRequest request, HttpStatus status) {
    ModelAndView page = new ModelAndView("forum/portal", status);
    page.addObject("token", holder.token());
    page.addObject("caseNumber", holder.caseNumber());
    page.addObject("partyName", holder.party().getName());
    page.addObject("advisor", holder.isAdvisor());
    page.addObject("threads", pages.showAndMarkRead(participant(holder)));
    page.addObject("errors", errors);
    page.addObject("draftThread", draftThread);
    page.addObject("draft", draft);
    page.addObject("maxLength", ForumService.MAX_TEXT_LENGTH);
    page.addObject("posted", false);
    page.addObject("csrfParameter", FormCsrf.PARAMETER);
    page.addObject("csrfToken", csrf.token(request));
    return page;
  }

  static String anchor(String threadKey) {
    return "thread-" + threadKey.replace(':', '-');
  }

  private static ForumParticipant participant(Holder holder) {
    return holder.isAdvisor() ? ForumParticipant.advisor(holder.caseNumber(), holder.party().getId())
        : ForumParticipant.party(holder.caseNumber(), holder.party().getId());
  }
}
