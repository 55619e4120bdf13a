package nl.mediatafel.portal;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * What a browser session knows in the portal: which parties' e-mail addresses it has confirmed with a one-time code,
 * and the code it is waiting for. A code works only in the session that asked for it, for 15 minutes and 5 tries.
 */
final class PortalVisit implements Serializable {

  static final int MAX_ATTEMPTS = 5;
  static final int MAX_CODES = 3;

  private static final String ATTRIBUTE = PortalVisit.class.getName();

  private final Set<String> confirmed = new HashSet<>();
  private String pendingFor;
  private String codeHash;
  private Instant codeExpires;
  private int attempts;
  private int codesSent;

  static PortalVisit of(HttpSession session) {
    synchronized (org.springframework.web.util.WebUtils.getSessionMutex(session)) {
      if (session.getAttribute(ATTRIBUTE) instanceof PortalVisit visit) {
        return visit;
      }
      PortalVisit visit = new PortalVisit();
      session.setAttribute(ATTRIBUTE, visit);
      return visit;
    }
  }

  static String key(PortalLink link) {
    return link.getCaseNumber() + "/" + link.getPartyId() + "/" + link.getAudience();
  }

  boolean isConfirmed(PortalLink link) {
    return confirmed.contains(key(link));
  }

  boolean mayRequestCode() {
    return codesSent < MAX_CODES;
  }

  boolean awaitsCodeFor(PortalLink link, Instant now) {
    return key(link).equals(pendingFor) && codeExpires != null && now.isBefore(codeExpires)
        && attempts < MAX_ATTEMPTS;
  }

  void codeSent(PortalLink link, String code, Instant expires) {
    pendingFor = key(link);
    codeHash = PortalLinks.hash(code);
    codeExpires = expires;
    attempts = 0;
    codesSent++;
  }

  /** @return true when the code is right; then the link's party counts as confirmed in this session */
  boolean confirm(PortalLink link, String code, Instant now) {
    if (!awaitsCodeFor(link, now) || code == null) {
      return false;
    }
    attempts++;
    boolean right = MessageDigest.isEqual(codeHash.getBytes(StandardCharsets.US_ASCII),
        PortalLinks.hash(code.trim()).getBytes(StandardCharsets.US_ASCII));
    if (right) {
      confirmed.add(pendingFor);
      pendingFor = null;
      codeHash = null;
    }
    return right;
  }

  int attemptsLeft() {
    return MAX_ATTEMPTS - attempts;
  }

}
