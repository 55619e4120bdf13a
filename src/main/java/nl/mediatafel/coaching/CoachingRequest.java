package nl.mediatafel.coaching;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.mediatafel.api.PlainText;
import nl.mediatafel.cases.CaseRequest;

/**
 * A request for conflict coaching, as {@code POST /api/coaching} takes it: one person, the same conflict types,
 * languages and payers as a request for mediation ({@link CaseRequest}). Enum values are checked as text, so one
 * response names every wrong field at once.
 */
@PlainText(multiLine = "summary")
public record CoachingRequest(
    @NotNull(message = REQUIRED) @Pattern(regexp = CaseRequest.CONFLICT_TYPES,
        message = ONE_OF + CaseRequest.CONFLICT_TYPES) String conflictType,
    @NotBlank(message = REQUIRED) @Size(max = 2000, message = TOO_LONG) String summary,
    @NotNull(message = REQUIRED) @Valid Person person,
    @NotNull(message = REQUIRED) @Pattern(regexp = FORMS, message = ONE_OF + FORMS) String preferredForm) {

  static final String REQUIRED = "{mediatafel.required}";
  static final String TOO_LONG = "{mediatafel.tooLong}";
  static final String EMAIL = "{mediatafel.email}";
  static final String ONE_OF = "{mediatafel.oneOf} ";
  /** How the person would like to meet the coach. */
  public static final String FORMS = "ONLINE|IN_PERSON|NO_PREFERENCE";

  /** The one person who is coached. */
  @PlainText
  public record Person(
      @NotBlank(message = REQUIRED) @Size(max = 200, message = TOO_LONG) String name,
      @NotBlank(message = REQUIRED) @Email(message = EMAIL) @Size(max = 254, message = TOO_LONG) String email,
      @NotNull(message = REQUIRED) @Pattern(regexp = CaseRequest.LANGUAGES,
          message = ONE_OF + CaseRequest.LANGUAGES) String language,
      @NotNull(message = REQUIRED) @Pattern(regexp = CaseRequest.PAYERS,
          message = ONE_OF + CaseRequest.PAYERS) String payer) {}
}
