package nl.mediatafel.portal;

import jakarta.servlet.http.HttpServletRequest;
import nl.mediatafel.cases.Withdrawals;
import nl.mediatafel.portal.PortalAccess.Holder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /portal/{token}/withdraw}: a party may stop the mediation at any time. The page explains what that means
 * and asks for an explicit confirmation; an advisor cannot do it for the party.
 */
@Controller
@RequestMapping("/portal/{token}/withdraw")
class WithdrawalController {

  private final PortalPages pages;
  private final Withdrawals withdrawals;

  WithdrawalController(PortalPages pages, Withdrawals withdrawals) {
    this.pages = pages;
    this.withdrawals = withdrawals;
  }

  @GetMapping
  ModelAndView explain(@PathVariable String token, HttpServletRequest request) {
    return pages.show(token, request, holder -> page(holder, null, request, HttpStatus.OK));
  }

  @PostMapping
  ModelAndView withdraw(@PathVariable String token, @RequestParam(required = false) String confirm,
      HttpServletRequest request) {
    return pages.partyPost(token, request, advisor -> page(advisor, null, request, HttpStatus.FORBIDDEN), holder -> {
      if (!"yes".equals(confirm)) {
        return page(holder, "withdraw.error.confirm", request, HttpStatus.BAD_REQUEST);
      }
      withdrawals.withdraw(holder.caseNumber(), holder.party().getId());
      ModelAndView done = new ModelAndView("portal/withdrawn");
      done.addObject("caseNumber", holder.caseNumber());
      return done;
    });
  }

  private ModelAndView page(Holder holder, String error, HttpServletRequest request, HttpStatus status) {
    ModelAndView page = pages.page("portal/withdraw", holder, request, status);
    page.addObject("error", error);
    return page;
  }
}
