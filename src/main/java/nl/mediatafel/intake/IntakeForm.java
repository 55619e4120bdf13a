package nl.mediatafel.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The intake questions (seed 002: "a comprehensive questionnaire"): what happened, what matters, what a good outcome
 * would be, who else is involved, urgency, availability, and a safety question that reaches only the mediator and the
 * secretariat. A draft may be incomplete; a submitted form must answer the first three and the urgency.
 */
public record IntakeForm(
    @Size(max = 4000, message = "{mediatafel.tooLong}") String whatHappened,
    @Size(max = 4000, message = "{mediatafel.tooLong}") String whatMatters,
    @Size(max = 4000, message = "{mediatafel.tooLong}") String goodOutcome,
    @Size(max = 2000, message = "{mediatafel.tooLong}") String othersInvolved,
    @Pattern(regexp = "LOW|MEDIUM|HIGH", message = "{mediatafel.required}") String urgency,
    @Size(max = 1000, message = "{mediatafel.tooLong}") String availability,
    Boolean safetyConcern,
    @Size(max = 2000, message = "{mediatafel.tooLong}") String safetyNote) {

  /** What a submission needs beyond the limits of a draft. */
  public record Complete(
      @NotBlank(message = "{mediatafel.required}") String whatHappened,
      @NotBlank(message = "{mediatafel.required}") String whatMatters,
      @NotBlank(message = "{mediatafel.required}") String goodOutcome,
      @NotBlank(message = "{mediatafel.required}") String urgency) {}

  public Complete completeness() {
    return new Complete(whatHappened, whatMatters, goodOutcome, urgency);
  }

  /** An unticked checkbox sends nothing: absent means no. */
  public boolean hasSafetyConcern() {
    return Boolean.TRUE.equals(safetyConcern);
  }

  public static IntakeForm empty() {
    return new IntakeForm(null, null, null, null, null, null, false, null);
  }
}
