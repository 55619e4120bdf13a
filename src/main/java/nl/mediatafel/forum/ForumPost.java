package nl.mediatafel.forum;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code forum_post} (changeset 090-forum): one message in a thread, plain text, shown escaped. */
@Entity
@Table(name = "forum_post")
public class ForumPost {

  static final String MEDIATOR = "MEDIATOR";
  static final String PARTY = "PARTY";

  @Id
  private UUID id;
  private String caseNumber;
  private String thread;
  private UUID caucusPartyId;
  private String authorRole;
  private String authorUserId;
  private UUID authorPartyId;
  private String text;
  private Instant postedAt;

  protected ForumPost() {}

  ForumPost(ForumThread thread, ForumParticipant author, String text, Instant postedAt) {
    this.id = UUID.randomUUID();
    this.caseNumber = thread.caseNumber();
    this.thread = thread.key();
    this.caucusPartyId = thread.caucusPartyId();
    this.authorRole = author.role() == ForumParticipant.Role.MEDIATOR ? MEDIATOR : PARTY;
    this.authorUserId = author.userId();
    this.authorPartyId = author.role() == ForumParticipant.Role.PARTY ? author.partyId() : null;
    this.text = text;
    this.postedAt = postedAt;
  }

  public UUID getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public ForumThread thread() {
    return ForumThread.of(caseNumber, thread);
  }

  public boolean isByMediator() {
    return MEDIATOR.equals(authorRole);
  }

  public String getAuthorUserId() {
    return authorUserId;
  }

  public UUID getAuthorPartyId() {
    return authorPartyId;
  }

  public String getText() {
    return text;
  }

  public Instant getPostedAt() {
    return postedAt;
  }
}
