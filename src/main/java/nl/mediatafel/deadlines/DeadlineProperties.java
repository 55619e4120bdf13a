package nl.mediatafel.deadlines;

import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a business-day deadline falls due. The defaults live here rather than in application.yaml so that a unit test
 * ({@code new DeadlineProperties(null, null)}) and the running application compute the same deadlines.
 *
 * @param endOfWorkingDay local time at which a deadline expires on its last business day
 *     ({@code mediatafel.deadlines.end-of-working-day}, default 17:00)
 * @param zone the practice's time zone; business days and the end of the working day are counted in it, so a deadline
 *     is 15:00Z in summer (CEST) and 16:00Z in winter (CET) ({@code mediatafel.deadlines.zone}, default
 *     Europe/Amsterdam)
 */
@ConfigurationProperties("mediatafel.deadlines")
public record DeadlineProperties(LocalTime endOfWorkingDay, ZoneId zone) {

  public static final LocalTime DEFAULT_END_OF_WORKING_DAY = LocalTime.of(17, 0);
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Amsterdam");

  public DeadlineProperties {
    endOfWorkingDay = endOfWorkingDay != null ? endOfWorkingDay : DEFAULT_END_OF_WORKING_DAY;
    zone = zone != null ? zone : DEFAULT_ZONE;
  }
}
