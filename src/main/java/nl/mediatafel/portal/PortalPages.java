package nl.mediatafel.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import nl.mediatafel.portal.PortalAccess.Holder;
import nl.mediatafel.security.FormCsrf;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The steps every portal page about the case takes, whatever its feature: it shows only to the holder of a working
 * link whose visit is confirmed (else {@link PortalAccess#notConfirmed}), a form post also needs a valid CSRF token
 * (else the refused page, 403), an action only the party may take sends an advisor the page's own refusal, and the
 * page model always carries the token, the case, the party, whether the holder is an advisor and the CSRF field. The
 * page language is the party's, set while resolving the holder.
 */
@Component
public class PortalPages {

  private final PortalAccess access;
  private final FormCsrf csrf;

  PortalPages(PortalAccess access, FormCsrf csrf) {
    this.access = access;
    this.csrf = csrf;
  }

  /** A page shown to the confirmed holder of {@code token}: {@code show} decides what they see. */
  public ModelAndView show(String token, HttpServletRequest request, Function<Holder, ModelAndView> show) {
    return access.confirmed(token, request).map(show).orElseGet(() -> access.notConfirmed(token, request));
  }

  /** A form post of the confirmed holder of {@code token} with a valid CSRF token: {@code action} handles it. */
  public ModelAndView post(String token, HttpServletRequest request, Function<Holder, ModelAndView> action) {
    return show(token, request, holder -> csrf.accepts(request) ? action.apply(holder)
        : new ModelAndView("portal/refused", HttpStatus.FORBIDDEN));
  }

  /**
   * A form post that only the party may make, as {@link #post}; an advisor gets {@code advisorRefused} and
   * {@code action} is not run.
   */
  public ModelAndView partyPost(String token, HttpServletRequest request,
      Function<Holder, ModelAndView> advisorRefused, Function<Holder, ModelAndView> action) {
    return post(token, request, holder -> holder.isAdvisor() ? advisorRefused.apply(holder) : action.apply(holder));
  }

  /**
   * The page {@code view} for {@code holder} with what every portal page of the case needs: {@code token},
   * {@code caseNumber}, {@code partyName}, {@code advisor} and the form's {@code csrfParameter}/{@code csrfToken}.
   */
  public ModelAndView page(String view, Holder holder, HttpServletRequest request, HttpStatus status) {
    ModelAndView page = new ModelAndView(view, status);
    page.addObject("token", holder.token());
    page.addObject("caseNumber", holder.caseNumber());
    page.addObject("partyName", holder.party().getName());
    page.addObject("advisor", holder.isAdvisor());
    page.addObject("csrfParameter", FormCsrf.PARAMETER);
    page.addObject("csrfToken", csrf.token(request));
    return page;
  }
}
