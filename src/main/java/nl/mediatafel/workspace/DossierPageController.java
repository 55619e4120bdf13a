package nl.mediatafel.workspace;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /cases/{number}}: a case's dossier for staff (HTTP Basic or the Camunda webapp login session), linked from
 * each row of {@code /cases}. Who may read it: {@link Dossier}. A case one may not read and a number that does not
 * exist get the same not-found page (404), so a number reveals nothing; no or a non-staff login is refused as on the
 * list. The timeline shows the newest {@value #ENTRIES} entries; "more" asks for {@value #ENTRIES} more, up to
 * {@value #MAX_ENTRIES}.
 */
@Controller
class DossierPageController {

  static final int ENTRIES = 50;
  static final int MAX_ENTRIES = 1000;
  private static final Pattern NUMBER = Pattern.compile("[A-Z]{3}-\\d{4}-\\d{1,10}");

  private final CaseList list;
  private final Dossier dossier;
  private final MessageSource messages;

  DossierPageController(CaseList list, Dossier dossier, MessageSource messages) {
    this.list = list;
    this.dossier = dossier;
    this.messages = messages;
  }

  @GetMapping("/cases/{number}")
  ModelAndView page(@PathVariable String number, @RequestParam(required = false) String entries, Locale locale,
      HttpServletResponse response) {
    list.requireAccess();
    strictHeaders(response);
    int shown = entries(entries);
    Dossier.View view;
    try {
      view = NUMBER.matcher(number).matches() ? dossier.forCurrentUser(number, shown, locale) : null;
    } catch (ResponseStatusException e) {
      if (e.getStatusCode() != HttpStatus.NOT_FOUND) {
        throw e;
      }
      view = null;
    }
    if (view == null) {
      ModelAndView missing = new ModelAndView("workspace/dossier-not-found", HttpStatus.NOT_FOUND);
      missing.addObject("number", number.length() > 30 ? number.substring(0, 30) + "…" : number);
      return missing;
    }
    ModelAndView page = new ModelAndView("workspace/dossier");
    page.addObject("d", view);
    page.addObject("codes", new Codes(messages, locale));
    page.addObject("more", view.timeline().more() && shown < MAX_ENTRIES
        ? "/cases/" + view.caseNumber() + "?entries=" + Math.min(MAX_ENTRIES, shown + ENTRIES) + "#tijdlijn" : null);
    return page;
  }

  /** A missing, bad or out-of-range {@code entries} shows the default: a timeline is never refused for it. */
  static int entries(String given) {
    try {
      int asked = given == null ? ENTRIES : Integer.parseInt(given.trim());
      return asked < 1 ? ENTRIES : Math.min(asked, MAX_ENTRIES);
    } catch (NumberFormatException e) {
      return ENTRIES;
    }
  }

  /** The dossier holds a case's personal data: the portal's strict headers, no inline script, nothing cached. */
  private static void strictHeaders(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
        + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
  }

  /**
   * The words for the codes the dossier shows (status, route, payer, language, document type, session kind and
   * status, signature method): {@code dossier.code.<group>.<CODE>} where a message exists, else the code itself. The
   * one place a raw code reaches the page (public: the template calls it).
   */
  public record Codes(MessageSource messages, Locale locale) {

    public String word(String group, String code) {
      if (code == null) {
        return "–";
      }
      String key = switch (group) {
        case "status" -> "cases.status." + code;
        case "route" -> "cases.route." + code;
        default -> "dossier.code." + group + "." + code;
      };
      return messages.getMessage(key, null, code, locale);
    }
  }
}
