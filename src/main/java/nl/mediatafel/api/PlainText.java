package nl.mediatafel.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.util.Set;
import org.springframework.util.ReflectionUtils;

/**
 * Every text component of the annotated request record is plain text: no control character but tab, line feed and
 * carriage return, no half of a surrogate pair, and no replacement character (U+FFFD, what a broken UTF-8 sequence
 * decodes to) or noncharacter U+FFFE/U+FFFF. PostgreSQL refuses a NUL in a {@code varchar} (a 500 after the
 * request passed validation), and the others are no part of a name, an address or a summary. A text is one line
 * (no tab, line feed or carriage return either: a name, an e-mail address, a reference ends up in mail headers,
 * documents and lists) unless its component is named in {@link #multiLine()}. Each bad component is reported as a
 * field of its own.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Check.class)
public @interface PlainText {

  String message() default "{mediatafel.plainText}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The components that may hold several lines and tabs (a summary, a description); every other is one line. */
  String[] multiLine() default {};

  /** Checks the record's {@code String} components. */
  class Check implements ConstraintValidator<PlainText, Record> {

    static final String SINGLE_LINE = "{mediatafel.singleLine}";

    private Set<String> multiLine = Set.of();

    @Override
    public void initialize(PlainText annotation) {
      multiLine = Set.of(annotation.multiLine());
    }

    @Override
    public boolean isValid(Record request, ConstraintValidatorContext context) {
      if (request == null) {
        return true;
      }
      boolean valid = true;
      for (RecordComponent component : request.getClass().getRecordComponents()) {
        if (component.getType() != String.class) {
          continue;
        }
        String text = (String) ReflectionUtils.invokeMethod(component.getAccessor(), request);
        String message = !isPlain(text) ? context.getDefaultConstraintMessageTemplate()
            : !multiLine.contains(component.getName()) && !isSingleLine(text) ? SINGLE_LINE : null;
        if (message != null) {
          if (valid) {
            context.disableDefaultConstraintViolation();
            valid = false;
          }
          context.buildConstraintViolationWithTemplate(message).addPropertyNode(component.getName())
              .addConstraintViolation();
        }
      }
      return valid;
    }

    static boolean isSingleLine(String text) {
      return text == null || text.chars().noneMatch(c -> c == '\t' || c == '\n' || c == '\r');
    }

    static boolean isPlain(String text) {
      if (text == null) {
        return true;
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if ((Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') || c >= '\uFFFD') {
          return false;
        }
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          return false;
        }
      }
      return true;
    }
  }
}
