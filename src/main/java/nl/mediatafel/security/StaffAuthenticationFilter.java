package nl.mediatafel.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Set;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's HTTP Basic filter, except for the few public endpoints under {@code /api} (a request for mediation or
 * coaching may come from anyone); those still pass the rate limit and validation.
 */
class StaffAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  /** Public endpoints as "METHOD path". */
  static final Set<String> PUBLIC = Set.of("POST /api/cases", "POST /api/coaching");

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    String path = http.getRequestURI().substring(http.getContextPath().length());
    if (PUBLIC.contains(http.getMethod() + " " + path)) {
      chain.doFilter(request, response);
      return;
    }
    super.doFilter(request, response, chain);
  }
}
