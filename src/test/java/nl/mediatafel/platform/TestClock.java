package nl.mediatafel.platform;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The one clock of every {@link MediatafelTest}: the application's {@link Clock} bean and the engine's
 * {@link ClockUtil} (timers, due dates, {@code ${now()}}, history) read the same time, and the suite starts at
 * {@link #START}, Tuesday 9 June 2026, 10:00 in Amsterdam (the next Dutch holiday is Christmas), so business-day
 * arithmetic gives the same answer on every day the suite runs.
 *
 * <p>From {@link #START} the clock runs on with real time (the engine's clock offset, not a frozen instant): two
 * things done one after the other keep their order (forum posts, outbox rows, history), and what an earlier test left
 * due stays due. A test moves both clocks together with {@link #advance(Duration)} or {@link #setTo(Instant)}; after
 * each test the clock is back on the suite's time ({@link Reset}): the same Tuesday, minutes after 10:00.
 */
public final class TestClock extends Clock {

  public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  /**
   * Tuesday 9 June 2026, 10:00 Europe/Amsterdam: a business day two weeks after Whit Monday with no Dutch holiday
   * before Christmas, so no deadline a test sets runs into one.
   */
  public static final Instant START = ZonedDateTime.of(2026, 6, 9, 10, 0, 0, 0, AMSTERDAM).toInstant();

  /** How far the tests' clock is from the wall clock: set once, so the tests' time never runs backwards. */
  private static final long BASE_OFFSET = START.toEpochMilli() - System.currentTimeMillis();

  private static volatile long offsetMillis;

  private final ZoneId zone;

  static {
    if (START.atZone(AMSTERDAM).getDayOfWeek() != DayOfWeek.TUESDAY) {
      throw new IllegalStateException("START must be a Tuesday");
    }
  }

  private TestClock(ZoneId zone) {
    this.zone = zone;
  }

  /** What it is now for the application and the engine. */
  public static Instant now() {
    return ClockUtil.now().toInstant();
  }

  /** Today in Amsterdam, by this clock. */
  public static LocalDate today() {
    return now().atZone(AMSTERDAM).toLocalDate();
  }

  /** Moves the application's and the engine's clock forward (a negative duration moves it back). */
  public static void advance(Duration duration) {
    offset(offsetMillis + duration.toMillis());
  }

  /** Sets the application's and the engine's clock to the instant; it runs on from there. */
  public static void setTo(Instant instant) {
    offset(instant.toEpochMilli() - System.currentTimeMillis());
  }

  /**
   * Stops both clocks at the instant, for a unit test that compares exact moments computed from "now" (a real engine
   * test keeps the running clock of {@link #setTo(Instant)}: a frozen one gives every row the same timestamp).
   */
  public static void freezeAt(Instant instant) {
    ClockUtil.setCurrentTime(java.util.Date.from(instant));
  }

  /**
   * Back to the suite's running clock: {@link #START} when the first test began plus the real time since. Not back to
   * {@link #START} itself: a clock that jumped back before each test would make what an earlier test left behind (a
   * mail delivery retried in a minute, a reminder) fall due again in the middle of a later one.
   */
  public static void reset() {
    offset(BASE_OFFSET);
  }

  private static void offset(long millis) {
    offsetMillis = millis;
    ClockUtil.offset(millis);
  }

  @Override
  public Instant instant() {
    return now();
  }

  @Override
  public long millis() {
    return ClockUtil.now().getTime();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new TestClock(zone);
  }

  /** The application's {@link Clock} in the test context: this one (the primary bean, over {@code ClockConfiguration}'s). */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Configuration {

    @Bean
    @Primary
    Clock testClock() {
      reset();
      return new TestClock(ZoneId.systemDefault());
    }
  }

  /** Starts every test on the suite's clock and puts it back there after the test, whatever the test moved. */
  public static class Reset implements TestExecutionListener {

    @Override
    public void beforeTestClass(TestContext testContext) {
      reset();
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
      reset();
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
      reset();
    }
  }
}
