package nl.mediatafel.cases;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mediatafel.api.InvalidRequestException;
import nl.mediatafel.api.RequestBodyLimit;
import nl.mediatafel.security.FormCsrf;
import nl.mediatafel.i18n.MessagesConfiguration;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The public request page {@code /aanmelden}: the same request as {@code POST /api/cases}, as a server-side form that
 * works without JavaScript, for parties and for front desks (legal aid offices, HR, municipalities) filling it in for
 * them. Its messages are the API's: the form is converted to a {@link CaseRequest} and validated with the same
 * constraints. Adding and removing party blocks posts to {@code /aanmelden/partijen}, which stores nothing and so is
 * not rate-limited; only a real submission to {@code /aanmelden} counts towards {@link RequestRateLimit}.
 */
@Controller
@RequestMapping("/aanmelden")
class RequestFormController {

  /** One line of the error summary: a link to the field and the text "label: message". */
  record ErrorLink(String target, String text) {}

  static final String ADD_PARTY = "addParty";
  static final String REMOVE_PARTY = "removeParty-";

  private static final Pattern REMOVE = Pattern.compile(Pattern.quote(REMOVE_PARTY) + "(\\d{1,2})");
  private static final Pattern PARTY_FIELD = Pattern.compile("parties\\[(\\d+)]\\.(\\w+)");
  private static final Pattern CASE_NUMBER = Pattern.compile("MED-\\d{4}-\\d{4,6}");

  private final CaseRequests requests;
  private final Validator validator;
  private final FormCsrf csrf;
  private final MessageSource messages;

  RequestFormController(CaseRequests requests, Validator validator, FormCsrf csrf, MessageSource messages) {
    this.requests = requests;
    this.validator = validator;
    this.csrf = csrf;
    this.messages = messages;
  }

  @InitBinder("form")
  void bindAtMostTheMaximumOfParties(WebDataBinder binder) {
    binder.setAutoGrowCollectionLimit(RequestForm.MAX_PARTIES);
  }

  @GetMapping
  ModelAndView form(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    return page(RequestForm.blank(), Map.of(), HttpStatus.OK, request, response, usePageLocale(locale));
  }

  /** Adds or removes a party block; stores nothing, whatever the action. */
  @PostMapping("/partijen")
  ModelAndView edit(@ModelAttribute("form") RequestForm form, BindingResult binding,
      @RequestParam(name = "action", defaultValue = "") String action, HttpServletRequest request,
      HttpServletResponse response, Locale locale) {
    Locale pageLocale = usePageLocale(locale);
    if (!csrf.accepts(request)) {
      return refused("csrf", HttpStatus.FORBIDDEN, pageLocale);
    }
    applyEdit(form, action);
    return page(form, Map.of(), HttpStatus.OK, request, response, pageLocale);
  }

  @PostMapping
  ModelAndView submit(@ModelAttribute("form") RequestForm form, BindingResult binding,
      @RequestParam(name = "action", defaultValue = "submit") String action, HttpServletRequest request,
      HttpServletResponse response, Locale locale) {
    Locale pageLocale = usePageLocale(locale);
    if (!csrf.accepts(request)) {
      return refused("csrf", HttpStatus.FORBIDDEN, pageLocale);
    }
    if (applyEdit(form, action)) {
      return page(form, Map.of(), HttpStatus.OK, request, response, pageLocale);
    }
    CaseRequest caseRequest = form.toRequest();
    Map<String, List<String>> problems = problems(caseRequest, binding);
    if (problems.isEmpty()) {
      try {
        String caseNumber = requests.register(caseRequest, null).mediationCase().getCaseNumber();
        RedirectView received = new RedirectView("/aanmelden/ontvangen?dossier=" + caseNumber, true);
        received.setStatusCode(HttpStatus.SEE_OTHER);
        received.setExposeModelAttributes(false);
        return new ModelAndView(received);
      } catch (InvalidRequestException e) {
        e.problems().forEach(problem -> add(problems, formField(problem.field()), problem.message()));
      }
    }
    return page(form, inPageOrder(form, problems), HttpStatus.BAD_REQUEST, request, response, pageLocale);
  }

  /** The thank-you page. It shows the case number from the address and nothing else, so it reveals nothing. */
  @GetMapping("/ontvangen")
  ModelAndView received(@RequestParam(name = "dossier", required = false) String caseNumber,
      HttpServletResponse response, Locale locale) {
    if (caseNumber == null || !CASE_NUMBER.matcher(caseNumber).matches()) {
      return new ModelAndView(new RedirectView("/aanmelden", true));
    }
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    ModelAndView page = new ModelAndView("request/received");
    page.addObject("caseNumber", caseNumber);
    page.addObject("lang", usePageLocale(locale).getLanguage());
    return page;
  }

  /**
   * A post {@link RequestBodyLimit} refused before anything read it (too large, or multipart), forwarded here; a
   * request that comes here directly is sent to the form.
   */
  @RequestMapping("/geweigerd")
  ModelAndView bodyRefused(HttpServletRequest request, Locale locale) {
    if (!(request.getAttribute(RequestBodyLimit.REFUSAL) instanceof RequestBodyLimit.Refusal refusal)) {
      return new ModelAndView(new RedirectView("/aanmelden", true));
    }
    String reason = refusal == RequestBodyLimit.Refusal.TOO_LARGE ? "too-large" : "content-type";
    return refused(reason, refusal.status(), usePageLocale(locale));
  }

  /** A party index beyond the maximum, or a similar post no browser sends from this form. */
  @ExceptionHandler(InvalidPropertyException.class)
  ModelAndView unusable(Locale locale) {
    return refused("invalid", HttpStatus.BAD_REQUEST, usePageLocale(locale));
  }

  private static boolean applyEdit(RequestForm form, String action) {
    if (ADD_PARTY.equals(action)) {
      form.addParty();
      return true;
    }
    Matcher remove = REMOVE.matcher(action);
    if (remove.matches()) {
      form.removeParty(Integer.parseInt(remove.group(1)));
      return true;
    }
    return false;
  }

  private Map<String, List<String>> problems(CaseRequest caseRequest, BindingResult binding) {
    Map<String, List<String>> problems = new HashMap<>();
    for (FieldError error : binding.getFieldErrors()) {
      add(problems, error.getField(), text("request.errors.invalid-value"));
    }
    for (ConstraintViolation<CaseRequest> violation : validator.validate(caseRequest)) {
      add(problems, formField(violation.getPropertyPath().toString()), violation.getMessage());
    }
    if (!problems.isEmpty()) {
      duplicateEmails(caseRequest, problems);
    }
    return problems;
  }

  /**
   * The rule {@link CaseRequests#register} enforces (and still does), checked here as well when other fields are
   * wrong, so one round names every problem, with the same message.
   */
  private void duplicateEmails(CaseRequest caseRequest, Map<String, List<String>> problems) {
    for (String field : CaseRequest.repeatedEmails(caseRequest)) {
      add(problems, formField(field), text("request.duplicate-email"));
    }
  }

  /** The API's field path ({@code referrer.type}, {@code parties[0].advisor.email}) as the form's field name. */
  static String formField(String path) {
    return path.replace("referrer.type", "referrerType")
        .replace("referrer.name", "referrerName")
        .replace("referrer.reference", "referrerReference")
        .replace(".advisor.name", ".advisorName")
        .replace(".advisor.email", ".advisorEmail");
  }

  /** The id of the element a field's error links to: the control itself, or the first option of a radio group. */
  static String fieldId(String field) {
    Matcher party = PARTY_FIELD.matcher(field);
    if (party.matches()) {
      return "party-" + party.group(1) + "-" + party.group(2);
    }
    return switch (field) {
      case "escalation" -> "escalation-" + RequestForm.ESCALATIONS.get(0);
      case "preferredRoute" -> "preferredRoute-" + RequestForm.ROUTES.get(0);
      default -> field;
    };
  }

  private static Map<String, List<String>> inPageOrder(RequestForm form, Map<String, List<String>> problems) {
    Map<String, List<String>> ordered = new LinkedHashMap<>();
    for (String field : form.fieldNames()) {
      List<String> fieldProblems = problems.remove(field);
      if (fieldProblems != null) {
        ordered.put(field, fieldProblems);
      }
    }
    // what is left has no field of its own on the page (a post no browser sends): shown with the parties
    problems.values().forEach(rest -> ordered.computeIfAbsent("parties", key -> new ArrayList<>()).addAll(rest));
    return ordered;
  }

  private List<ErrorLink> summary(Map<String, List<String>> problems) {
    List<ErrorLink> links = new ArrayList<>();
    problems.forEach((field, fieldProblems) -> {
      Matcher party = PARTY_FIELD.matcher(field);
      for (String problem : fieldProblems) {
        String text = party.matches()
            ? text("request.errors.party-item", Integer.parseInt(party.group(1)) + 1,
                text("request.errors.field.party." + party.group(2)), problem)
            : text("request.errors.item", text("request.errors.field." + field), problem);
        links.add(new ErrorLink(fieldId(field), text));
      }
    });
    return links;
  }

  private ModelAndView page(RequestForm form, Map<String, List<String>> problems, HttpStatus status,
      HttpServletRequest request, HttpServletResponse response, Locale pageLocale) {
    // the page carries the session's CSRF token: no cache may keep it
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    ModelAndView page = new ModelAndView("request/form", status);
    page.addObject("form", form);
    page.addObject("errors", problems);
    page.addObject("errorSummary", summary(problems));
    page.addObject("csrfParameter", FormCsrf.PARAMETER);
    page.addObject("csrfToken", csrf.token(request));
    page.addObject("lang", pageLocale.getLanguage());
    page.addObject("conflictTypes", RequestForm.CONFLICT_TYPES);
    page.addObject("escalations", RequestForm.ESCALATIONS);
    page.addObject("routes", RequestForm.ROUTES);
    page.addObject("referrerTypes", RequestForm.REFERRER_TYPES);
    page.addObject("languages", RequestForm.LANGUAGES);
    page.addObject("payers", RequestForm.PAYERS);
    page.addObject("minParties", RequestForm.MIN_PARTIES);
    page.addObject("maxParties", RequestForm.MAX_PARTIES);
    page.addObject("addParty", ADD_PARTY);
    page.addObject("removeParty", REMOVE_PARTY);
    return page;
  }

  private static ModelAndView refused(String reason, HttpStatus status, Locale pageLocale) {
    ModelAndView page = new ModelAndView("request/refused", status);
    page.addObject("reason", reason);
    page.addObject("lang", pageLocale.getLanguage());
    return page;
  }

  /**
   * The page is Dutch unless the browser prefers English (the application's Accept-Language rule). Bean Validation
   * and our own messages follow the page, so a German browser does not get German validation messages on a Dutch page.
   * The servlet restores the request's locale context afterwards.
   */
  private static Locale usePageLocale(Locale requested) {
    Locale page = "en".equals(requested.getLanguage()) ? Locale.ENGLISH : MessagesConfiguration.DUTCH;
    LocaleContextHolder.setLocale(page);
    return page;
  }

  private static void add(Map<String, List<String>> problems, String field, String message) {
    problems.computeIfAbsent(field, key -> new ArrayList<>()).add(message);
  }

  private String text(String key, Object... arguments) {
    return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
  }
}
