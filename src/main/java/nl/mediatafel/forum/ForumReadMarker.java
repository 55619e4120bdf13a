package nl.mediatafel.forum;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code forum_read_marker}: until when one reader has read one thread. */
@Entity
@Table(name = "forum_read_marker")
class ForumReadMarker {

  @Id
  private UUID id;
  private String caseNumber;
  private String thread;
  private String reader;
  private Instant readUntil;

  protected ForumReadMarker() {}

  ForumReadMarker(ForumThread thread, String reader, Instant readUntil) {
    this.id = UUID.randomUUID();
    this.caseNumber = thread.caseNumber();
    this.thread = thread.key();
    this.reader = reader;
    this.readUntil = readUntil;
  }

  void readUntil(Instant at) {
    if (at.isAfter(readUntil)) {
      this.readUntil = at;
    }
  }

  Instant getReadUntil() {
    return readUntil;
  }
}
