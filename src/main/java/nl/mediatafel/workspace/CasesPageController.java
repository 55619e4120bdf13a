package nl.mediatafel.workspace;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.mediatafel.api.InvalidRequestException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /cases}: the case list as a staff page (HTTP Basic or the Camunda webapp login session), searchable by
 * number, party name or e-mail, status and route, 50 per page; {@code /cases/export.csv} downloads the whole filtered
 * list as {@code GET /api/cases} with {@code Accept: text/csv} does, for a browser that has only the session. The same
 * parameters and the same access rule as the API ({@link CaseList}); a bad parameter shows the page with its message.
 */
@Controller
class CasesPageController {

  private final CaseList list;
  private final MessageSource messages;

  CasesPageController(CaseList list, MessageSource messages) {
    this.list = list;
    this.messages = messages;
  }

  @GetMapping("/cases")
  ModelAndView page(@RequestParam Map<String, String> parameters, Locale locale) {
    list.requireAccess();
    ModelAndView page = new ModelAndView("workspace/cases");
    page.addObject("seesAll", list.seesAll());
    page.addObject("statuses", CaseStages.STATUSES);
    page.addObject("routes", CaseListQuery.ROUTES);
    page.addObject("q", parameters.getOrDefault("q", ""));
    page.addObject("status", parameters.getOrDefault("status", ""));
    page.addObject("route", parameters.getOrDefault("route", ""));
    CaseListQuery query;
    try {
      query = CaseListQuery.of(CaseListController.raw(parameters), text(locale));
    } catch (InvalidRequestException e) {
      page.addObject("problems", e.problems());
      page.setStatus(HttpStatus.BAD_REQUEST);
      return page;
    }
    CaseList.Result result = list.page(query, locale);
    page.addObject("query", query);
    page.addObject("result", result);
    page.addObject("export", "/cases/export.csv?" + query.parametersOnPage(0));
    page.addObject("previous", query.page() > 0 ? "/cases?" + query.parametersOnPage(query.page() - 1) : null);
    page.addObject("next", query.page() + 1 < result.pages() ? "/cases?" + query.parametersOnPage(query.page() + 1)
        : null);
    return page;
  }

  @GetMapping("/cases/export.csv")
  ResponseEntity<byte[]> export(@RequestParam Map<String, String> parameters, Locale locale) {
    CaseListQuery query;
    try {
      query = CaseListQuery.of(CaseListController.raw(parameters), text(locale));
    } catch (InvalidRequestException e) {
      list.requireAccess();
      return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
          .body((messages.getMessage("cases.invalid", null, locale) + " " + e.problems().stream()
              .map(problem -> problem.field() + ": " + problem.message())
              .collect(Collectors.joining("; "))).getBytes(StandardCharsets.UTF_8));
    }
    return CaseCsv.download(list.all(query, locale), key -> messages.getMessage(key, null, locale));
  }

  private CaseListQuery.MessageText text(Locale locale) {
    return (key, arguments) -> messages.getMessage(key, arguments, locale);
  }
}
