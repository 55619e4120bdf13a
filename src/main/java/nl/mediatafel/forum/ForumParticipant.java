package nl.mediatafel.forum;

import java.util.Objects;
import java.util.UUID;

/**
 * Someone who reads or writes in the forum of one case, and what they may do there:
 * <ul>
 *   <li>{@link Role#MEDIATOR}: the case's own mediator reads and writes in every thread;</li>
 *   <li>{@link Role#SECRETARIAT}: reads every thread, writes nothing;</li>
 *   <li>{@link Role#PARTY}: reads and writes in the joint thread and in the party's own caucus thread;</li>
 *   <li>{@link Role#ADVISOR}: reads the joint thread of the party they advise, writes nothing.</li>
 * </ul>
 *
 * @param userId the staff user (mediator, secretariat); null for parties and advisors
 * @param partyId the party (or the advised party); null for staff
 */
public record ForumParticipant(String caseNumber, Role role, String userId, UUID partyId) {

  public enum Role { MEDIATOR, SECRETARIAT, PARTY, ADVISOR }

  public ForumParticipant {
    Objects.requireNonNull(caseNumber, "caseNumber");
    Objects.requireNonNull(role, "role");
    boolean staff = role == Role.MEDIATOR || role == Role.SECRETARIAT;
    if (staff ? userId == null : partyId == null) {
      throw new IllegalArgumentException(role + " needs " + (staff ? "a user id" : "a party id"));
    }
  }

  public static ForumParticipant mediator(String caseNumber, String userId) {
    return new ForumParticipant(caseNumber, Role.MEDIATOR, userId, null);
  }

  public static ForumParticipant secretariat(String caseNumber, String userId) {
    return new ForumParticipant(caseNumber, Role.SECRETARIAT, userId, null);
  }

  public static ForumParticipant party(String caseNumber, UUID partyId) {
    return new ForumParticipant(caseNumber, Role.PARTY, null, partyId);
  }

  public static ForumParticipant advisor(String caseNumber, UUID partyId) {
    return new ForumParticipant(caseNumber, Role.ADVISOR, null, partyId);
  }

  public boolean mayRead(ForumThread thread) {
    if (!caseNumber.equals(thread.caseNumber())) {
      return false;
    }
    return switch (role) {
      case MEDIATOR, SECRETARIAT -> true;
      case PARTY -> thread.isJoint() || partyId.equals(thread.caucusPartyId());
      case ADVISOR -> thread.isJoint();
    };
  }

  public boolean mayPost(ForumThread thread) {
    return (role == Role.MEDIATOR || role == Role.PARTY) && mayRead(thread);
  }

  /** Who a read marker belongs to: {@code party:<id>}, {@code advisor:<id>} or {@code staff:<user id>}. */
  String readerKey() {
    return switch (role) {
      case MEDIATOR, SECRETARIAT -> "staff:" + userId;
      case PARTY -> "party:" + partyId;
      case ADVISOR -> "advisor:" + partyId;
    };
  }

  /** Whether a post is this participant's own (never unread for its author). */
  boolean wrote(ForumPost post) {
    return switch (role) {
      case MEDIATOR -> post.isByMediator() && userId.equals(post.getAuthorUserId());
      case PARTY -> !post.isByMediator() && partyId.equals(post.getAuthorPartyId());
      case SECRETARIAT, ADVISOR -> false;
    };
  }
}
