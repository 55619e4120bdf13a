package nl.mediatafel.audit;

import java.util.Optional;
import java.util.UUID;

/** Who did something, as {@code case_event.actor} holds it. */
public final class Actors {

  /** The application itself (a process step, a timer). */
  public static final String SYSTEM = "system";
  static final String PARTY = "party:";
  static final String ADVISOR = "advisor:";

  private Actors() {}

  public static String party(UUID partyId) {
    return PARTY + partyId;
  }

  /** The advisor of this party. */
  public static String advisor(UUID partyId) {
    return ADVISOR + partyId;
  }

  /** A staff member by Camunda user id; {@link #SYSTEM} when there is none. */
  public static String staff(String userId) {
    return userId == null || userId.isBlank() ? SYSTEM : userId;
  }

  /** The party of a {@code party:} or {@code advisor:} actor. */
  public static Optional<UUID> partyOf(String actor) {
    String id = actor.startsWith(PARTY) ? actor.substring(PARTY.length())
        : actor.startsWith(ADVISOR) ? actor.substring(ADVISOR.length()) : null;
    try {
      return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public static boolean isAdvisor(String actor) {
    return actor.startsWith(ADVISOR);
  }
}
