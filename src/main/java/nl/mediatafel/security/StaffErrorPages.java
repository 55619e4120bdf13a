package nl.mediatafel.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page a browser gets for an error instead of Spring's English "Whitelabel Error Page": Dutch, or English when
 * the browser asks for it, in the layout of the staff pages, saying what happened (page missing, access refused,
 * something went wrong) and where to go on. On a staff page it offers the Camunda login and Tasklist as well. Only
 * requests that accept HTML get it; the APIs keep answering JSON (Spring's error controller decides by the
 * {@code Accept} header, and {@code /api} answers problem+json before it gets there).
 */
@Component
class StaffErrorPages implements ErrorViewResolver {

  private final String webappPath;

  StaffErrorPages(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.webappPath = webappPath;
  }

  @Override
  public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    Map<String, Object> page = new HashMap<>();
    page.put("status", status.value());
    page.put("kind", status == HttpStatus.NOT_FOUND ? "not-found"
        : status == HttpStatus.FORBIDDEN || status == HttpStatus.UNAUTHORIZED ? "refused"
        : status.is4xxClientError() ? "bad-request" : "failed");
    page.put("staffPage", StaffAuthentication.isStaffPage(String.valueOf(model.get("path"))));
    page.put("loginUrl", StaffAuthentication.loginUrl(webappPath));
    page.put("tasklistUrl", webappPath + "/app/tasklist/default/");
    return new ModelAndView("error/page", page, status);
  }
}
