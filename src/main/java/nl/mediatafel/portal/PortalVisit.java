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
 *
 * <p>The session lives in the database (Spring Session JDBC), which stores an attribute when it is set, not when the
 * object is changed: whoever changes a visit saves it ({@link #saveTo}). Two requests of one session on two nodes
 * each read their own copy, so the tries at a code are also counted in the database under the code's random id
 * ({@link #codeId()}); the copy's own count only tells the page how many are left.
 */
final class PortalVisit implements Serializable {

  private static final long serialVersionUID = 1L;

  static final int MAX_ATTEMPTS = 5;
  static final int MAX_CODES = 3;

  private static final String ATTRIBUTE = PortalVisit.class.getName();

  private final Set<String> confirmed = new HashSet<>();
  private String pendingFor;
  private String codeHash;
  private String codeId;
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

  /** Stores this visit, as changed, in the session (and so for every node). */
  void saveTo(HttpSession session) {
    session.setAttribute(ATTRIBUTE, this);
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
    codeId = java.util.UUID.randomUUID().toString();
    attempts = 0;
    codesSent++;
  }

  /** The random id of the code awaited, under which its tries are counted across requests and nodes; or null. */
  String codeId() {
    return codeId;
  }

  /**
   * @param tries the tries at this code so far, this one included, as counted for its {@link #codeId()}
   * @return true when the code is right; then the link's party counts as confirmed in this session
   */
  boolean confirm(PortalLink link, String code, Instant now, int tries) {
    if (!awaitsCodeFor(link, now) || code == null) {
      return false;
    }
    attempts = Math.max(attempts + 1, Math.min(tries, MAX_ATTEMPTS));
    if (tries > MAX_ATTEMPTS) {
      return false;
    }
    boolean right = MessageDigest.isEqual(codeHash.getBytes(StandardCharsets.US_ASCII),
        PortalLinks.hash(code.trim()).getBytes(StandardCharsets.US_ASCII));
    if (right) {
      confirmed.add(pendingFor);
      pendingFor = null;
      codeHash = null;
      codeId = null;
    }
    return right;
  }

  int attemptsLeft() {
    return MAX_ATTEMPTS - attempts;
  }

}
