package nl.mediatafel.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
 * The intake questionnaire in the portal, {@code /portal/{token}/intake}: only for the party the link belongs to,
 * after the address was confirmed; drafts are kept, a submission is final. Without JavaScript, CSRF-protected.
 */
@Controller
@RequestMapping("/portal/{token}/intake")
class IntakePageController {

  private final PortalPages pages;
  private final IntakeService intakes;
  private final Validator validator;

  IntakePageController(PortalPages pages, IntakeService intakes, Validator validator) {
    this.pages = pages;
    this.intakes = intakes;
    this.validator = validator;
  }

  @GetMapping
  ModelAndView show(@PathVariable String token, @RequestParam(required = false) String saved,
      HttpServletRequest request) {
    return pages.show(token, request, holder -> {
      // an advisor reads nothing of the answers: not even loaded, the page only says that the party fills it in
      Optional<IntakeAnswer> answer = holder.isAdvisor() ? Optional.empty() : intakes.of(holder.party().getId());
      ModelAndView page = page(holder, answer.map(IntakeAnswer::asForm).orElse(IntakeForm.empty()), Map.of(),
          request, HttpStatus.OK);
      page.addObject("submitted", answer.map(IntakeAnswer::isSubmitted).orElse(false));
      page.addObject("saved", saved != null);
      return page;
    });
  }

  @PostMapping
  ModelAndView save(@PathVariable String token, IntakeForm form, @RequestParam(defaultValue = "draft") String action,
      HttpServletRequest request) {
    return pages.partyPost(token, request, advisor -> backToForm(token),
        holder -> save(holder, form, action, request));
  }

  private ModelAndView save(Holder holder, IntakeForm form, String action, HttpServletRequest request) {
    String token = holder.token();
    boolean alreadySubmitted = intakes.of(holder.party().getId()).map(IntakeAnswer::isSubmitted).orElse(false);
    if (alreadySubmitted) {
      return backToForm(token);
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
      return page(holder, form, errors, request, HttpStatus.BAD_REQUEST);
    }
    String caseNumber = holder.caseNumber();
    try {
      if (submit) {
        intakes.submit(caseNumber, holder.party().getId(), form);
        return backToForm(token);
      }
      intakes.saveDraft(caseNumber, holder.party().getId(), form);
      return new ModelAndView("redirect:/portal/" + token + "/intake?saved", HttpStatus.SEE_OTHER);
    } catch (IntakeService.AlreadySubmittedException e) {
      return backToForm(token);
    }
  }

  private static ModelAndView backToForm(String token) {
    return new ModelAndView("redirect:/portal/" + token + "/intake", HttpStatus.SEE_OTHER);
  }

  private ModelAndView page(Holder holder, IntakeForm form, Map<String, String> errors, HttpServletRequest request,
      HttpStatus status) {
    ModelAndView page = pages.page("intake/form", holder, request, status);
    page.addObject("form", form);
    page.addObject("errors", errors);
    page.addObject("submitted", false);
    page.addObject("saved", false);
    return page;
  }
}
