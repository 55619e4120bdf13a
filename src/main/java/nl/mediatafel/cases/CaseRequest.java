package nl.mediatafel.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A request for mediation (aanmelding), as {@code POST /api/cases} and the form at {@code /aanmelden} take it. Enum
 * values are checked as text, so one response names every wrong field at once.
 */
public record CaseRequest(
    @NotNull @Pattern(regexp = CONFLICT_TYPES, message = "{mediatafel.oneOf} " + CONFLICT_TYPES) String conflictType,
    @NotBlank @Size(max = 2000) String summary,
    @NotNull @Pattern(regexp = ESCALATIONS, message = "{mediatafel.oneOf} " + ESCALATIONS) String escalation,
    @NotNull @Pattern(regexp = ROUTES, message = "{mediatafel.oneOf} " + ROUTES) String preferredRoute,
    @NotNull Boolean safetyConcern,
    @Valid Referrer referrer,
    @NotNull @Size(min = 2, max = 30) List<@NotNull @Valid PartyRequest> parties) {

  static final String CONFLICT_TYPES =
      "LABOUR|SHAREHOLDERS|MANAGEMENT|SUPPLIER_CUSTOMER|FAMILY_BUSINESS|NEIGHBOURS|DIVORCE|HOA|GOVERNMENT|OTHER";
  static final String ESCALATIONS = "LOW|MEDIUM|HIGH";
  static final String ROUTES = "ONLINE_ASYNC|ONLINE_VIDEO|FACE_TO_FACE|NO_PREFERENCE";
  static final String REFERRER_TYPES = "SELF|LAWYER|COURT|FRONT_DESK|EMPLOYER|MEDIATION_CLAUSE";
  static final String LANGUAGES = "nl|en";
  static final String PAYERS = "SELF|EMPLOYER|INSURER|LEGAL_AID";

  /** Who asked for the mediation, when it was not a party itself. */
  public record Referrer(
      @NotNull @Pattern(regexp = REFERRER_TYPES, message = "{mediatafel.oneOf} " + REFERRER_TYPES) String type,
      @Size(max = 200) String name,
      @Size(max = 100) String reference) {}

  public record PartyRequest(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Email @Size(max = 254) String email,
      @NotNull @Pattern(regexp = LANGUAGES, message = "{mediatafel.oneOf} " + LANGUAGES) String language,
      Boolean abroad,
      @NotNull @Pattern(regexp = PAYERS, message = "{mediatafel.oneOf} " + PAYERS) String payer,
      @Valid Advisor advisor) {}

  public record Advisor(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email) {}
}
