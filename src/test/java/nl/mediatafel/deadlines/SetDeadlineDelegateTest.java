package nl.mediatafel.deadlines;

import static nl.mediatafel.deadlines.SetDeadlineDelegate.BUSINESS_DAYS;
import static nl.mediatafel.deadlines.SetDeadlineDelegate.DURATION;
import static nl.mediatafel.deadlines.SetDeadlineDelegate.FROM;
import static nl.mediatafel.deadlines.SetDeadlineDelegate.REMINDER_BUSINESS_DAYS_BEFORE;
import static nl.mediatafel.deadlines.SetDeadlineDelegate.VARIABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.mediatafel.platform.TestClock;
import java.time.Instant;
import java.util.Date;
import org.camunda.community.mockito.delegate.DelegateExecutionFake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The delegate without an engine: input parameters in, date variables on the process instance out. */
class SetDeadlineDelegateTest {

  /** Wednesday 22 April 2026, 10:00 in Amsterdam (CEST). */
  private static final Instant NOW = Instant.parse("2026-04-22T08:00:00Z");

  private final SetDeadlineDelegate delegate =
      new SetDeadlineDelegate(new BusinessCalendar(new DeadlineProperties(null, null)));

  private DelegateExecutionFake processInstance;
  private DelegateExecutionFake task;

  @BeforeEach
  void serviceTaskInAProcessInstance() {
    TestClock.freezeAt(NOW);
    processInstance = DelegateExecutionFake.of().withId("processInstance_1");
    task = DelegateExecutionFake.of()
        .withId("execution_2")
        .withProcessInstance(processInstance)
        .withCurrentActivityId("serviceTask_setSigningDeadline")
        .withCurrentActivityName("Ondertekendeadline zetten");
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void businessDaysFromNowEndAtTheEndOfTheWorkingDay() {
    task.withVariableLocal(VARIABLE, "signingDeadline").withVariableLocal(BUSINESS_DAYS, "3");

    delegate.execute(task);

    // Wednesday 22 April + 3 business days, over Koningsdag Monday 27 April = Tuesday 28 April, 17:00 CEST
    assertThat(processInstance.getVariable("signingDeadline"))
        .isEqualTo(Date.from(Instant.parse("2026-04-28T15:00:00Z")));
    assertThat(processInstance.hasVariable("signingDeadlineReminder")).isFalse();
  }

  @Test
  void businessDaysMayComeFromAnExpressionAsANumber() {
    task.withVariableLocal(VARIABLE, "signingDeadline").withVariableLocal(BUSINESS_DAYS, 3L);

    delegate.execute(task);

    assertThat(processInstance.getVariable("signingDeadline"))
        .isEqualTo(Date.from(Instant.parse("2026-04-28T15:00:00Z")));
  }

  @Test
  void aDurationIsCalendarTime() {
    task.withVariableLocal(VARIABLE, "responseDeadline").withVariableLocal(DURATION, "PT48H");

    delegate.execute(task);

    assertThat(processInstance.getVariable("responseDeadline"))
        .isEqualTo(Date.from(Instant.parse("2026-04-24T08:00:00Z")));
  }

  @Test
  void countsFromTheDateInTheFromVariable() {
    task.withVariable("agreementSentAt", Date.from(Instant.parse("2026-12-23T14:00:00Z")))
        .withVariableLocal(VARIABLE, "signingDeadline")
        .withVariableLocal(BUSINESS_DAYS, "2")
        .withVariableLocal(FROM, "agreementSentAt");

    delegate.execute(task);

    // Wednesday 23 December 2026 + 2 business days: Thursday 24th, (Christmas, weekend) Monday 28th, 17:00 CET
    assertThat(processInstance.getVariable("signingDeadline"))
        .isEqualTo(Date.from(Instant.parse("2026-12-28T16:00:00Z")));
  }

  @Test
  void writesAReminderThatManyBusinessDaysBeforeTheDeadline() {
    task.withVariableLocal(VARIABLE, "signingDeadline")
        .withVariableLocal(BUSINESS_DAYS, "5")
        .withVariableLocal(REMINDER_BUSINESS_DAYS_BEFORE, "2");

    delegate.execute(task);

    // deadline: Wednesday 22 April + 5 = Thursday 30 April; reminder 2 business days before: Tuesday 28 April
    assertThat(processInstance.getVariable("signingDeadline"))
        .isEqualTo(Date.from(Instant.parse("2026-04-30T15:00:00Z")));
    assertThat(processInstance.getVariable(SetDeadlineDelegate.reminderVariable("signingDeadline")))
        .isEqualTo(Date.from(Instant.parse("2026-04-28T15:00:00Z")));
  }

  @Test
  void theVariableIsRequired() {
    task.withVariableLocal(BUSINESS_DAYS, "3");

    assertMisconfigured(VARIABLE, "is required");
  }

  @Test
  void anEmptyVariableNameCountsAsMissing() {
    task.withVariableLocal(VARIABLE, "  ").withVariableLocal(BUSINESS_DAYS, "3");

    assertMisconfigured(VARIABLE, "is required");
  }

  @Test
  void businessDaysOrDurationIsRequired() {
    task.withVariableLocal(VARIABLE, "signingDeadline");

    assertMisconfigured(BUSINESS_DAYS, "or 'duration' is required");
  }

  @Test
  void businessDaysAndDurationTogetherAreRefused() {
    task.withVariableLocal(VARIABLE, "signingDeadline")
        .withVariableLocal(BUSINESS_DAYS, "3")
        .withVariableLocal(DURATION, "P3D");

    assertMisconfigured(BUSINESS_DAYS, "and 'duration' are both set");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "drie", "2.5"})
  void businessDaysMustBeAWholeNumberOfZeroOrMore(String businessDays) {
    task.withVariableLocal(VARIABLE, "signingDeadline").withVariableLocal(BUSINESS_DAYS, businessDays);

    assertMisconfigured(BUSINESS_DAYS, businessDays);
  }

  @Test
  void reminderBusinessDaysMustNotBeNegative() {
    task.withVariableLocal(VARIABLE, "signingDeadline")
        .withVariableLocal(BUSINESS_DAYS, "5")
        .withVariableLocal(REMINDER_BUSINESS_DAYS_BEFORE, -2);

    assertMisconfigured(REMINDER_BUSINESS_DAYS_BEFORE, "-2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-P3D", "3 dagen"})
  void theDurationMustBeAPositiveIsoDuration(String duration) {
    task.withVariableLocal(VARIABLE, "signingDeadline").withVariableLocal(DURATION, duration);

    assertMisconfigured(DURATION, duration);
  }

  @Test
  void theFromVariableMustExist() {
    task.withVariableLocal(VARIABLE, "signingDeadline")
        .withVariableLocal(BUSINESS_DAYS, "3")
        .withVariableLocal(FROM, "agreementSentAt");

    assertMisconfigured(FROM, "'agreementSentAt', which this process instance does not have");
  }

  @Test
  void theFromVariableMustHoldADate() {
    task.withVariable("agreementSentAt", "2026-04-22")
        .withVariableLocal(VARIABLE, "signingDeadline")
        .withVariableLocal(BUSINESS_DAYS, "3")
        .withVariableLocal(FROM, "agreementSentAt");

    assertMisconfigured(FROM, "not a date but a String");
  }

  private void assertMisconfigured(String parameter, String problem) {
    assertThatThrownBy(() -> delegate.execute(task))
        .isInstanceOf(DeadlineConfigurationException.class)
        .hasMessageStartingWith("Service task 'serviceTask_setSigningDeadline' (Ondertekendeadline zetten): "
            + "input parameter '" + parameter + "'")
        .hasMessageContaining(problem);
    assertThat(processInstance.getVariableNames()).isEmpty();
  }
}
