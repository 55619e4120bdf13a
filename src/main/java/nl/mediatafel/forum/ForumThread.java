package nl.mediatafel.forum;

import java.util.Objects;
import java.util.UUID;

/**
 * A thread of a case's forum: the joint thread (all active parties and the mediator) or the caucus thread of one party
 * (that party and the mediator). Threads are not rows of their own: a thread exists as soon as the case has the party,
 * and its {@link #key()} is what posts and read markers store.
 *
 * @param caucusPartyId the party of a caucus thread; null for the joint thread
 */
public record ForumThread(String caseNumber, UUID caucusPartyId) {

  static final String JOINT_KEY = "JOINT";
  static final String CAUCUS_PREFIX = "CAUCUS:";

  public ForumThread {
    Objects.requireNonNull(caseNumber, "caseNumber");
  }

  public static ForumThread joint(String caseNumber) {
    return new ForumThread(caseNumber, null);
  }

  public static ForumThread caucus(String caseNumber, UUID partyId) {
    return new ForumThread(caseNumber, Objects.requireNonNull(partyId, "partyId"));
  }

  public boolean isJoint() {
    return caucusPartyId == null;
  }

  /** {@code JOINT} or {@code CAUCUS:<party id>}: the thread as stored, and as the pages name it. */
  public String key() {
    return isJoint() ? JOINT_KEY : CAUCUS_PREFIX + caucusPartyId;
  }

  /** The thread a page names by its {@link #key()}; an {@link IllegalArgumentException} for anything else. */
  public static ForumThread of(String caseNumber, String key) {
    if (JOINT_KEY.equals(key)) {
      return joint(caseNumber);
    }
    if (key != null && key.startsWith(CAUCUS_PREFIX)) {
      return caucus(caseNumber, UUID.fromString(key.substring(CAUCUS_PREFIX.length())));
    }
    throw new IllegalArgumentException("No forum thread '" + key + "'");
  }
}
