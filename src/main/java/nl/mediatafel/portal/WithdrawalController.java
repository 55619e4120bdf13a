package nl.mediatafel.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import nl.mediatafel.cases.Withdrawals;
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
 * {@code /portal/{token}/withdraw}: a party may stop the mediation at any time. The page explains what that means
 * and asks for an explicit confirmation; an advisor cannot do it for the party.
 */
@Controller
@RequestMapping("/portal/{token}/withdraw")
class WithdrawalController {

  private final PortalAccess access;
  private final Withdrawals withdrawals;
  private final FormCsrf csrf;

  WithdrawalController(PortalAccess access, Withdrawals withdrawals, FormCsrf csrf) {
    this.access = access;
    this.withdrawals = withdrawals;
    this.csrf = csrf;
  }

  @GetMapping
  ModelAndView explain(@PathVariable String token, HttpServletRequest request) {
    Optional<Holder> holder = access.confirmed(token, request);
    if (holder.isEmpty()) {
      return access.notConfirmed(token, request);
    }
    return page(holder.get(), null, request, HttpStatus.OK);
  }

  @PostMapping
  ModelAndView withdraw(@PathVariable String token, @RequestParam(required = false) String confirm,
      HttpServletRequest request) {
    Optional<Holder> holder = access.confirmed(token, request);
    if (holder.isEmpty()) {
      return access.notConfirmed(token, request);
    }
    if (!csrf.accepts(request)) {
      return new ModelAndView("portal/refused", HttpStatus.FORBIDDEN);
    }
    if (holder.get().isAdvisor()) {
      return page(holder.get(), null, request, HttpStatus.FORBIDDEN);
    }
    if (!"yes".equals(confirm)) {
      return page(holder.get(), "withdraw.error.confirm", request, HttpStatus.BAD_REQUEST);
    }
    withdrawals.withdraw(holder.get().caseNumber(), holder.get().party().getId());
    ModelAndView done = new ModelAndView("portal/withdrawn");
    done.addObject("caseNumber", holder.get().caseNumber());
    return done;
  }

  private ModelAndView page(Holder holder, String error, HttpServletRequest request, HttpStatus status) {
    ModelAndView page = new ModelAndView("portal/withdraw", status);
    page.addObject("token", holder.token());
    page.addObject("caseNumber", holder.caseNumber());
    page.addObject("partyName", holder.party().getName());
    page.addObject("advisor", holder.isAdvisor());
    page.addObject("error", error);
    page.addObject("csrfParameter", FormCsrf.PARAMETER);
    page.addObject("csrfToken", csrf.token(request));
    return page;
  }

}
