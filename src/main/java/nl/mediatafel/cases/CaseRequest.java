package nl.mediatafel.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.mediatafel.api.PlainText;

/**
 * A request for mediation (aanmelding), as {@code POST /api/cases} and the form at {@code /aanmelden} take it. Enum
 * values are checked as text, so one response names every wrong field at once.
 */
@PlainText(multiLine = "summary")
public record CaseRequest(
    @NotNull(message = REQUIRED) @Pattern(regexp = CONFLICT_TYPES, message = "{mediatafel.oneOf} " + CONFLICT_TYPES) String conflictType,
    @NotBlank(message = REQUIRED) @Size(max = 2000, message = TOO_LONG) String summary,
    @NotNull(message = REQUIRED) @Pattern(regexp = ESCALATIONS, message = "{mediatafel.oneOf} " + ESCALATIONS) String escalation,
    @NotNull(message = REQUIRED) @Pattern(regexp = ROUTES, message = "{mediatafel.oneOf} " + ROUTES) String preferredRoute,
    @NotNull(message = REQUIRED) Boolean safetyConcern,
    @Valid Referrer referrer,
    @NotNull(message = PARTY_COUNT) @Size(min = 2, max = 30, message = PARTY_COUNT)
        List<@NotNull(message = REQUIRED) @Valid PartyRequest> parties) {

  static final String REQUIRED = "{mediatafel.required}";
  static final String TOO_LONG = "{mediatafel.tooLong}";
  static final String EMAIL = "{mediatafel.email}";
  static final String PARTY_COUNT = "{mediatafel.partyCount}";
  public static final String CONFLICT_TYPES =
      "LABOUR|SHAREHOLDERS|MANAGEMENT|SUPPLIER_CUSTOMER|FAMILY_BUSINESS|NEIGHBOURS|DIVORCE|HOA|GOVERNMENT|OTHER";
  public static final String ESCALATIONS = "LOW|MEDIUM|HIGH";
  static final String ROUTES = "ONLINE_ASYNC|ONLINE_VIDEO|FACE_TO_FACE|NO_PREFERENCE";
  static final String REFERRER_TYPES = "SELF|LAWYER|COURT|FRONT_DESK|EMPLOYER|MEDIATION_CLAUSE";
  public static final String LANGUAGES = "nl|en";
  public static final String PAYERS = "SELF|EMPLOYER|INSURER|LEGAL_AID";

  /**
   * The field of every e-mail address used earlier in the request ({@code parties[2].advisor.email}), in the order of
   * the request: every address belongs to one person, a party or an advisor, as each gets personal links and mails.
   * Compared trimmed and without regard to case; a missing address is left to the field's own constraint.
   */
  static List<String> repeatedEmails(CaseRequest request) {
    List<String> repeated = new ArrayList<>();
    if (request.parties() == null) {
      return repeated;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < request.parties().size(); i++) {
      PartyRequest party = request.parties().get(i);
      if (party == null) {
        continue;
      }
      if (party.email() != null && !seen.add(party.email().trim().toLowerCase(Locale.ROOT))) {
        repeated.add("parties[" + i + "].email");
      }
      if (party.advisor() != null && party.advisor().email() != null
          && !seen.add(party.advisor().email().trim().toLowerCase(Locale.ROOT))) {
        repeated.add("parties[" + i + "].advisor.email");
      }
    }
    return repeated;
  }

  /** Who asked for the mediation, when it was not a party itself. */
  @PlainText
  public record Referrer(
      @NotNull(message = REQUIRED) @Pattern(regexp = REFERRER_TYPES, message = "{mediatafel.oneOf} " + REFERRER_TYPES) String type,
      @Size(max = 200, message = TOO_LONG) String name,
      @Size(max = 100, message = TOO_LONG) String reference) {}

  @PlainText
  public record PartyRequest(
      @NotBlank(message = REQUIRED) @Size(max = 200, message = TOO_LONG) String name,
      @NotBlank(message = REQUIRED) @Email(message = EMAIL) @Size(max = 254, message = TOO_LONG) String email,
      @NotNull(message = REQUIRED) @Pattern(regexp = LANGUAGES, message = "{mediatafel.oneOf} " + LANGUAGES) String language,
      Boolean abroad,
      @NotNull(message = REQUIRED) @Pattern(regexp = PAYERS, message = "{mediatafel.oneOf} " + PAYERS) String payer,
      @Valid Advisor advisor) {}

  @PlainText
  public record Advisor(
      @NotBlank(message = REQUIRED) @Size(max = 200, message = TOO_LONG) String name,
      @NotBlank(message = REQUIRED) @Email(message = EMAIL) @Size(max = 254, message = TOO_LONG) String email) {}
}
