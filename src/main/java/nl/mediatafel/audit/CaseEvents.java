package nl.mediatafel.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a case's events and reads them back, newest first. {@link #record} joins the caller's transaction (a process
 * step that rolls back leaves no event of what it did not do), and writes at once through JDBC, so it needs no flush.
 */
@Service
public class CaseEvents {

  static final int ACTOR_LENGTH = 80;
  static final int REFERENCE_LENGTH = 100;
  static final int CASE_NUMBER_LENGTH = 20;

  private final JdbcTemplate jdbc;
  private final Clock clock;

  CaseEvents(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Records that {@code actor} did {@code kind} on the case now.
   *
   * @param actor see {@link Actors}
   * @param reference a short reference (cut to 100 characters), or null; never confidential text
   */
  @Transactional
  public void record(String caseNumber, String actor, CaseEventKind kind, String reference) {
    if (caseNumber == null || caseNumber.isBlank() || caseNumber.length() > CASE_NUMBER_LENGTH) {
      throw new IllegalArgumentException("Not a case number: " + caseNumber);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    jdbc.update("insert into case_event (id, case_number, occurred_at, actor, kind, reference)"
            + " values (?, ?, ?, ?, ?, ?)",
        UUID.randomUUID(), caseNumber, Timestamp.from(now), cut(Actors.staff(actor), ACTOR_LENGTH), kind.name(),
        reference == null ? null : cut(reference, REFERENCE_LENGTH));
  }

  /** The newest {@code limit} events of a case, newest first (one bounded query on the case's index). */
  @Transactional(readOnly = true)
  public List<CaseEvent> newest(String caseNumber, int limit) {
    return jdbc.query("select id, case_number, occurred_at, actor, kind, reference from case_event"
            + " where case_number = ? order by occurred_at desc, id fetch first " + Math.max(0, limit) + " rows only",
        (row, i) -> new CaseEvent(row.getObject("id", UUID.class), row.getString("case_number"),
            row.getTimestamp("occurred_at").toInstant(), row.getString("actor"),
            CaseEventKind.valueOf(row.getString("kind")), row.getString("reference")),
        caseNumber);
  }

  /** Every event of these kinds of a case, oldest first (route switches and hours: a handful per case). */
  @Transactional(readOnly = true)
  public List<CaseEvent> ofKinds(String caseNumber, List<CaseEventKind> kinds) {
    if (kinds.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(kinds.size(), "?"));
    Object[] arguments = new Object[kinds.size() + 1];
    arguments[0] = caseNumber;
    for (int i = 0; i < kinds.size(); i++) {
      arguments[i + 1] = kinds.get(i).name();
    }
    return jdbc.query("select id, case_number, occurred_at, actor, kind, reference from case_event"
            + " where case_number = ? and kind in (" + marks + ") order by occurred_at, id",
        (row, i) -> new CaseEvent(row.getObject("id", UUID.class), row.getString("case_number"),
            row.getTimestamp("occurred_at").toInstant(), row.getString("actor"),
            CaseEventKind.valueOf(row.getString("kind")), row.getString("reference")),
        arguments);
  }

  private static String cut(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }
}
