package nl.mediatafel.cases;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out case numbers {@code MED-2026-0042} (and, with another prefix, {@code COA-2026-0001} for coaching): one
 * counter per prefix and year, incremented under the row lock of an UPDATE, so
 * concurrent requests on any number of nodes never get the same number. A request that fails later leaves a gap,
 * which is fine: numbers are unique, not contiguous.
 */
@Component
public class CaseNumbers {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private final JdbcTemplate jdbc;
  private final Clock clock;

  CaseNumbers(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  String next() {
    return next("MED");
  }

  /** The next number with this prefix (three capitals, a counter of its own), e.g. {@code COA-2026-0001}. */
  @Transactional(propagation = Propagation.MANDATORY)
  public String next(String prefix) {
    if (!prefix.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("A case number prefix is three capitals, not '" + prefix + "'");
    }
    int year = clock.instant().atZone(AMSTERDAM).getYear();
    for (int attempt = 0; attempt < 3; attempt++) {
      if (jdbc.update("update case_number_counter set last_value = last_value + 1"
          + " where prefix = ? and counter_year = ?", prefix, year) == 1) {
        Integer value = jdbc.queryForObject(
            "select last_value from case_number_counter where prefix = ? and counter_year = ?", Integer.class,
            prefix, year);
        return String.format("%s-%d-%04d", prefix, year, value);
      }
      try {
        jdbc.update("insert into case_number_counter (prefix, counter_year, last_value) values (?, ?, 0)", prefix,
            year);
      } catch (DataIntegrityViolationException concurrentFirstOfTheYear) {
        // another request created this year's counter at the same moment: use it
      }
    }
    throw new IllegalStateException("No case number could be taken for " + prefix + " " + year);
  }
}
