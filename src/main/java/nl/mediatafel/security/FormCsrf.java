package nl.mediatafel.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/**
 * A CSRF defence for the public forms (request form, participant portal; the application has no Spring Security):
 * a synchronizer token. Each HTTP session gets one random token, the form carries it as a hidden field, and a POST is
 * accepted only when the posted token equals the session's. Another site can make a visitor's browser post the form, but it cannot read the
 * token to put in it. The session lives in the database ({@link HttpSessions}), so a form served by one node is
 * accepted by any other.
 */
@Component
public class FormCsrf {

  /** The name of the hidden field. */
  public static final String PARAMETER = "_csrf";

  private static final String ATTRIBUTE = FormCsrf.class.getName() + ".token";

  private final SecureRandom random = new SecureRandom();

  /** The session's token, starting a session and creating the token on first use. */
  public String token(HttpServletRequest request) {
    HttpSession session = request.getSession();
    synchronized (WebUtils.getSessionMutex(session)) {
      if (session.getAttribute(ATTRIBUTE) instanceof String token) {
        return token;
      }
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      session.setAttribute(ATTRIBUTE, token);
      return token;
    }
  }

  /** True when the request carries its session's token; false without a session, a token or with another token. */
  public boolean accepts(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String posted = request.getParameter(PARAMETER);
    if (session == null || posted == null || !(session.getAttribute(ATTRIBUTE) instanceof String expected)) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), posted.getBytes(StandardCharsets.UTF_8));
  }
}
