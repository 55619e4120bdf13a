package nl.mediatafel.mail;

import java.util.Arrays;
import java.util.Locale;

/** Who a mail of the {@code sendEmail} delegate goes to; the value designers write in the model. */
public enum RecipientRole {
  /** every party of the case that has not withdrawn */
  PARTIES,
  /** the party of the current multi-instance execution (variable {@code partyId}) */
  PARTY,
  /** the advisors of the parties that have one */
  ADVISORS,
  /** the case's mediator (variable {@code mediator}) */
  MEDIATOR,
  /** every member of the group secretariat */
  SECRETARIAT;

  public String modelValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isStaff() {
    return this == MEDIATOR || this == SECRETARIAT;
  }

  public static RecipientRole fromModel(String value) {
    return Arrays.stream(values()).filter(role -> role.modelValue().equals(value.trim())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown recipients '" + value + "'; known: "
            + Arrays.stream(values()).map(RecipientRole::modelValue).toList()));
  }
}
