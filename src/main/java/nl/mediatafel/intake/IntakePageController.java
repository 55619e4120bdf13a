package nl.mediatafel.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
 * The intake questionnaire in the portal, {@code /portal/{token}/intake}: only for the party the link belongs to,
 * after the address was confirmed; drafts are kept, a submission is final. Without JavaScript, CSRF-protected.
 */
@Controller
@RequestMapping("/portal/{token}/intake")
class IntakePageController {

  private final PortalAccess access;
  private final IntakeService intakes;
  private final Validator validator;
  private final FormCsrf csrf;

  IntakePageController(PortalAccess access, IntakeService intakes, Validator validator, FormCsrf csrf) {
    this.access = access;
    this.intakes = intakes;
    this.validator = validator;
    this.csrf = csrf;
  }

  @GetMapping
  ModelAndView show(@PathVariable String token, @RequestParam(required = false) String saved,
      HttpServletRequest request) {
    Optional<Holder> holder = access.confirmed(token, request);
    if (holder.isEmpty()) {
      return access.notConfirmed(token, request);
    }
    // an advisor reads nothing of the answers: not even loaded, the page only says that the party fills it in
    Optional<IntakeAnswer> answer = holder.get().isAdvisor() ? Optional.empty()
        : intakes.of(holder.get().party().getId());
    ModelAndView page = page(holder.get(), answer.map(IntakeAnswer::asForm).orElse(IntakeForm.empty()), Map.of(),
        request, HttpStatus.OK);
    page.addObject("submitted", answer.map(IntakeAnswer::isSubmitted).orElse(false));
    page.addObject("saved", saved != null);
    return page;
  }

  @PostMapping
  ModelAndView save(@PathVariable String token, IntakeForm form, @RequestParam(defaultValue = "draft") String action,
      HttpServletRequest request) {
    Optional<Holder> holder = access.confirmed(token, request);
    if (holder.isEmpty()) {
      return access.notConfirmed(token, request);
    }
    if (!csrf.accepts(request)) {
      return new ModelAndView("portal/refused", HttpStatus.FORBIDDEN);
    }
    boolean alreadySubmitted = intakes.of(holder.get().party().getId()).map(IntakeAnswer::isSubmitted).orElse(false);
    if (holder.get().isAdvisor() || alreadySubmitted) {
      return new ModelAndView("redirect:/portal/" + token + "/intake", HttpStatus.SEE_OTHER);
    }
    boolean submit = "submit".equals(action);
    Map<String, String> errors = new TreeMap<>();
    validator.validate(form).forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
    if (submit) {
      for (ConstraintViolation<IntakeForm.Complete> v : validator.validate(form.completeness())) {
        errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      return page(holder.get(), form, errors, request, HttpStatus.BAD_REQUEST);
    }
    String caseNumber = holder.get().caseNumber();
    try {
      if (submit) {
        intakes.submit(caseNumber, holder.get().party().getId(), form);
        return new ModelAndView("redirect:/portal/" + token + "/intake", HttpStatus.SEE_OTHER);
      }
      intakes.saveDraft(caseNumber, holder.get().party().getId(), form);
      return new ModelAndView("redirect:/portal/" + token + "/intake?saved", HttpStatus.SEE_OTHER);
    } catch (IntakeService.AlreadySubmittedException e) {
      return new ModelAndView("redirect:/portal/" + token + "/intake", HttpStatus.SEE_OTHER);
    }
  }


  private ModelAndView page(Holder holder, IntakeForm form, Map<String, String> errors, HttpServletRequest request,
      HttpStatus status) {
    ModelAndView page = new ModelAndView("intake/form", status);
    page.addObject("token", holder.token());
    page.addObject("caseNumber", holder.caseNumber());
    page.addObject("partyName", holder.party().getName());
    page.addObject("advisor", holder.isAdvisor());
    page.addObject("form", form);
    page.addObject("errors", errors);
    page.addObject("submitted", false);
    page.addObject("saved", false);
    page.addObject("csrfParameter", FormCsrf.PARAMETER);
    page.addObject("csrfToken", csrf.token(request));
    return page;
  }
}
