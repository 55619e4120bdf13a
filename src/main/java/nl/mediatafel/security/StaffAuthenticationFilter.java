package nl.mediatafel.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Camunda's HTTP Basic filter, except for the few public endpoints under {@code /api} (a request for mediation or
 * coaching may come from anyone); those still pass the rate limit and validation.
 *
 * <p>On the staff pages ({@code webappLogin}) a staff member who is logged in to the Camunda webapps (Tasklist,
 * Cockpit: their login stores an authentication of the engine in the HTTP session) is accepted without Basic: the
 * request runs as that user exactly as after a Basic login (groups and tenants read from the engine, set as the
 * engine's current authentication, cleared afterwards). Without such a session, after the webapp logout or when the
 * session has expired, the Basic challenge applies as before. The APIs never accept the session (a cookie there would
 * invite cross-site requests); the pages' forms carry their own CSRF token ({@link FormCsrf}).
 */
class StaffAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  /** Public endpoints as "METHOD path". */
  static final Set<String> PUBLIC = Set.of("POST /api/cases", "POST /api/coaching");

  private final boolean webappLogin;
  private final String loginUrl;

  /**
   * @param loginUrl the Camunda webapp login, for the staff pages: their session is accepted besides Basic, and a
   *     browser without either is sent there; {@code null} for the APIs (Basic only, 401 without it)
   */
  StaffAuthenticationFilter(String loginUrl) {
    this.webappLogin = loginUrl != null;
    this.loginUrl = loginUrl;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    String path = http.getRequestURI().substring(http.getContextPath().length());
    if (PUBLIC.contains(http.getMethod() + " " + path)) {
      chain.doFilter(request, response);
      return;
    }
    ProcessEngine engine = webappLogin ? getAddressedEngine(DEFAULT_ENGINE_NAME) : null;
    String webappUser = engine == null ? null : webappUser(http, engine);
    if (webappUser == null) {
      if (webappLogin && isBrowserPageRequest(http)) {
        ((HttpServletResponse) response).sendRedirect(http.getContextPath() + loginUrl);
        return;
      }
      super.doFilter(request, response, chain);
      return;
    }
    setAuthenticatedUser(engine, webappUser, null, null);
    try {
      chain.doFilter(request, response);
    } finally {
      clearAuthentication(engine);
    }
  }

  /**
   * A browser opening a page: a GET that accepts HTML, without Basic credentials (a script or an API client that sends
   * them, or accepts no HTML, gets the 401 challenge as before).
   */
  static boolean isBrowserPageRequest(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
        && request.getHeader("Authorization") == null
        && accept != null && accept.contains("text/html");
  }

  /**
   * The user the Camunda webapp login put into this request's live session for this engine, if that user still
   * exists; else null. The webapp's logout removes the authentication from the session, an expired session is gone.
   */
  static String webappUser(HttpServletRequest request, ProcessEngine engine) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentication authentication;
    try {
      authentication = AuthenticationUtil.getAuthsFromSession(session)
          .getAuthenticationForProcessEngine(engine.getName());
    } catch (IllegalStateException invalidated) {
      return null;
    }
    if (!(authentication instanceof UserAuthentication user) || user.getIdentityId() == null) {
      return null;
    }
    boolean exists = engine.getIdentityService().createUserQuery().userId(user.getIdentityId()).count() == 1;
    return exists ? user.getIdentityId() : null;
  }
}
