package nl.mediatafel.forum;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import nl.mediatafel.portal.PortalAccess.Holder;
import nl.mediatafel.portal.PortalPages;
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

  private final PortalPages portal;
  private final ForumService forum;
  private final ForumPages pages;

  ForumPageController(PortalPages portal, ForumService forum, ForumPages pages) {
    this.portal = portal;
    this.forum = forum;
    this.pages = pages;
  }

  @GetMapping
  ModelAndView show(@PathVariable String token, @RequestParam(required = false) String posted,
      HttpServletRequest request) {
    return portal.show(token, request, holder -> {
      ModelAndView page = page(holder, Map.of(), null, "", request, HttpStatus.OK);
      page.addObject("posted", posted != null);
      return page;
    });
  }

  @PostMapping
  ModelAndView post(@PathVariable String token, @RequestParam(required = false) String thread,
      @RequestParam(required = false) String text, HttpServletRequest request) {
    return portal.post(token, request, holder -> post(holder, thread, text, request));
  }

  private ModelAndView post(Holder holder, String thread, String text, HttpServletRequest request) {
    ForumThread target;
    try {
      target = ForumThread.of(holder.caseNumber(), thread);
    } catch (IllegalArgumentException e) {
      return new ModelAndView("portal/invalid", HttpStatus.NOT_FOUND);
    }
    try {
      forum.post(target, participant(holder), text);
    } catch (ForumAccessDeniedException e) {
      return new ModelAndView("portal/invalid", HttpStatus.NOT_FOUND);
    } catch (InvalidForumPostException e) {
      return page(holder, Map.of(target.key(), e.messageKey()), target.key(), text == null ? "" : text,
          request, HttpStatus.BAD_REQUEST);
    }
    return new ModelAndView("redirect:/portal/" + holder.token() + "/forum?posted#" + anchor(target.key()),
        HttpStatus.SEE_OTHER);
  }

  private ModelAndView page(Holder holder, Map<String, String> errors, String draftThread, String draft,
      HttpServletRequest request, HttpStatus status) {
    return pages.withThreads(portal.page("forum/portal", holder, request, status), participant(holder), errors,
        draftThread, draft);
  }

  static String anchor(String threadKey) {
    return "thread-" + threadKey.replace(':', '-');
  }

  private static ForumParticipant participant(Holder holder) {
    return holder.isAdvisor() ? ForumParticipant.advisor(holder.caseNumber(), holder.party().getId())
        : ForumParticipant.party(holder.caseNumber(), holder.party().getId());
  }
}
