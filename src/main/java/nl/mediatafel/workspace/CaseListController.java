package nl.mediatafel.workspace;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.mediatafel.api.InvalidRequestException;
import nl.mediatafel.api.JsonApi;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases}: the case list for staff (HTTP Basic), one page as JSON
 * ({@code {"items": [...], "total": N, "page": P, "size": S}}), or with {@code Accept: text/csv} every matching case
 * (all pages; {@code page} and {@code size} are checked but do not cut the export) as CSV ({@link CaseCsv}). Who sees
 * which cases: {@link CaseList}. A bad parameter is a 400 {@code application/problem+json} naming it.
 */
@RestController
@RequestMapping("/api/cases")
@JsonApi
class CaseListController {

  static final URI INVALID_QUERY = URI.create("https://mediatafel.nl/problems/invalid-query");

  private final CaseList list;
  private final MessageSource messages;

  CaseListController(CaseList list, MessageSource messages) {
    this.list = list;
    this.messages = messages;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  CaseList.Result json(@RequestParam Map<String, String> parameters) {
    return list.page(query(parameters), LocaleContextHolder.getLocale());
  }

  @GetMapping(produces = "text/csv")
  ResponseEntity<byte[]> csv(@RequestParam Map<String, String> parameters) {
    Locale locale = LocaleContextHolder.getLocale();
    return CaseCsv.download(list.all(query(parameters), locale), key -> messages.getMessage(key, null, locale));
  }

  /** The query; the access rule is checked first, so a stranger learns nothing from a parameter's message. */
  private CaseListQuery query(Map<String, String> parameters) {
    list.requireAccess();
    return CaseListQuery.of(raw(parameters), this::text);
  }

  static CaseListQuery.Raw raw(Map<String, String> p) {
    return new CaseListQuery.Raw(p.get("page"), p.get("size"), p.get("q"), p.get("status"), p.get("route"),
        p.get("mediator"), p.get("openedFrom"), p.get("openedTo"), p.get("sort"));
  }

  /** A bad parameter, in the shape of every 400 of our APIs, with a title that fits a query. */
  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
    List<InvalidRequestException.FieldProblem> problems = e.problems();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("cases.invalid") + " "
        + problems.stream().map(InvalidRequestException.FieldProblem::field).distinct()
            .collect(Collectors.joining(", ")));
    problem.setType(INVALID_QUERY);
    problem.setTitle(text("cases.invalid.title"));
    problem.setProperty("errors", problems);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private String text(String key, Object... arguments) {
    return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
  }
}
