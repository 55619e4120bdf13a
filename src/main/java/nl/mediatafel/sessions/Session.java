package nl.mediatafel.sessions;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code sessions} (changeset 070-sessions): one planned session of a case. Its id is the stable UID of the
 * calendar invitation; {@code sequence} goes up with every change, so calendars replace their entry.
 */
@Entity
@Table(name = "sessions")
public class Session {

  @Id
  private UUID id;
  private String caseNumber;
  /** A {@link SessionKind} name; a plain String so the column stays the varchar of the changeset. */
  private String kind;
  private UUID caucusPartyId;
  private Instant startsAt;
  private Instant endsAt;
  private String location;
  private int sequence;
  /** A {@link SessionStatus} name. */
  private String status;
  private BigDecimal hours;
  private String summary;
  /** A video session: its secure link (changeset 091); null for a session at a table. */
  private String videoLink;
  /** A short practice session with one party before a video session (changeset 091). */
  private boolean practice;

  protected Session() {}

  Session(String caseNumber, SessionKind kind, UUID caucusPartyId, Instant startsAt, Instant endsAt, String location) {
    this.id = UUID.randomUUID();
    this.caseNumber = caseNumber;
    this.kind = kind.name();
    this.caucusPartyId = caucusPartyId;
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.location = location;
    this.sequence = 0;
    this.status = SessionStatus.PLANNED.name();
  }

  /** A video session over {@code videoLink}; {@code practice} for a practice session with one party. */
  Session(String caseNumber, SessionKind kind, UUID caucusPartyId, Instant startsAt, Instant endsAt, String location,
      String videoLink, boolean practice) {
    this(caseNumber, kind, caucusPartyId, startsAt, endsAt, location);
    this.videoLink = videoLink;
    this.practice = practice;
  }

  void move(Instant newStart, Instant newEnd) {
    this.startsAt = newStart;
    this.endsAt = newEnd;
    this.sequence++;
    this.status = SessionStatus.MOVED.name();
  }

  void cancel() {
    this.sequence++;
    this.status = SessionStatus.CANCELLED.name();
  }

  void held(BigDecimal hours, String summary) {
    this.hours = hours;
    this.summary = summary;
    this.status = SessionStatus.HELD.name();
  }

  public UUID getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public SessionKind getKind() {
    return SessionKind.valueOf(kind);
  }

  public UUID getCaucusPartyId() {
    return caucusPartyId;
  }

  public Instant getStartsAt() {
    return startsAt;
  }

  public Instant getEndsAt() {
    return endsAt;
  }

  public String getLocation() {
    return location;
  }

  public int getSequence() {
    return sequence;
  }

  public SessionStatus getStatus() {
    return SessionStatus.valueOf(status);
  }

  public BigDecimal getHours() {
    return hours;
  }

  public String getSummary() {
    return summary;
  }

  public String getVideoLink() {
    return videoLink;
  }

  public boolean isVideo() {
    return videoLink != null;
  }

  public boolean isPractice() {
    return practice;
  }
}
