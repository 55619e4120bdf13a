package nl.mediatafel.process;

import static org.assertj.core.api.Assertions.assertThat;

import nl.mediatafel.platform.MediatafelTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The history filter knows no feature: each registers its confidential variables as a {@link ConfidentialVariables}
 * bean. This guards the list itself (the process tests of each feature check that the value stays out of history).
 */
@MediatafelTest
class ConfidentialHistoryTest {

  @Autowired ConfidentialHistory history;

  @Test
  void everyFeatureRegistersItsConfidentialVariables() {
    assertThat(history.names()).containsExactlyInAnyOrder(
        "conversationNotes", // intake: the mediator's notes of the intake conversation
        "sessionSummary", // sessions: a session's report
        "settlementPoints", // settlement: the drafted points of the settlement agreement
        "forumSummary", // forum: a round's summary
        "coachingAdvice", // coaching: the coach's advice
        // cases: what a task shows of its case (the label in Tasklist's lists, the triage form's context)
        "caseLabel", "triageConflict", "triageSummary", "triageParties", "triageReferrer", "triageSafety",
        "mediatorOptions");
  }
}
