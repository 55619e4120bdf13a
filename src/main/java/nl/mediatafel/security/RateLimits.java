package nl.mediatafel.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Counts requests per bucket ("request address:10.0.0.1", …) in fixed windows, in the database
 * ({@code rate_limit_window}, 160-rate-limits.yaml), so every node of a cluster counts in the same window.
 *
 * <p>Windows are aligned to the epoch, so nodes agree on the window without reading it. A request is one atomic
 * {@code UPDATE … SET requests = requests + 1} that returns the new count (as generated key: {@code RETURNING} on
 * PostgreSQL, the same on H2); only the first request of a window inserts its row, and if another node inserted it a
 * moment earlier the update counts in that row instead. Expired windows are deleted by the node that opens a new
 * window, at most once a minute per node, through an index on {@code window_end}.
 */
@Component
public class RateLimits {

  /** What a bucket counted in its current window, this request included. */
  public record Count(int requests, Instant windowEnd) {

    public boolean exceeds(int limit) {
      return requests > limit;
    }
  }

  private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(1);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final AtomicReference<Instant> nextCleanup = new AtomicReference<>(Instant.MIN);

  public RateLimits(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Counts one request in the bucket's current window and returns the window's count. */
  public Count count(String bucket, Duration window) {
    Instant now = clock.instant();
    long size = window.toMillis();
    Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), size) * size);
    Instant end = start.plus(window);
    Integer counted = increment(bucket, start);
    if (counted == null) {
      try {
        jdbc.update("insert into rate_limit_window (bucket, window_start, window_end, requests) values (?, ?, ?, 1)",
            bucket, utc(start), utc(end));
        cleanUp(now);
        return new Count(1, end);
      } catch (DuplicateKeyException openedByAnother) {
        counted = increment(bucket, start);
        if (counted == null) {
          throw new IllegalStateException("Rate-limit window of " + bucket + " vanished while counting");
        }
      }
    }
    return new Count(counted, end);
  }

  /** A bucket name for a secret (a portal token): its SHA-256, so the table never holds the secret itself. */
  public static String digest(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The new count, or null when the window has no row yet. */
  private Integer increment(String bucket, Instant start) {
    KeyHolder keys = new GeneratedKeyHolder();
    int rows = jdbc.update(connection -> {
      PreparedStatement statement = connection.prepareStatement(
          "update rate_limit_window set requests = requests + 1 where bucket = ? and window_start = ?",
          new String[] {"requests"});
      statement.setString(1, bucket);
      statement.setObject(2, utc(start));
      return statement;
    }, keys);
    if (rows == 0) {
      return null;
    }
    Object requests = keys.getKeyList().get(0).values().iterator().next();
    return ((Number) requests).intValue();
  }

  private void cleanUp(Instant now) {
    Instant due = nextCleanup.get();
    if (now.isBefore(due) || !nextCleanup.compareAndSet(due, now.plus(CLEANUP_INTERVAL))) {
      return;
    }
    jdbc.update("delete from rate_limit_window where window_end < ?", utc(now));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
