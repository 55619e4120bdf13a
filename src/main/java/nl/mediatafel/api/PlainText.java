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
import org.springframework.util.ReflectionUtils;

/**
 * Every text component of the annotated request record is plain text: no control character but tab, line feed and
 * carriage return, and no half of a surrogate pair. PostgreSQL refuses a NUL in a {@code varchar} (a 500 after the
 * request passed validation), and the others are no part of a name, an address or a summary. Each bad component is
 * reported as a field of its own.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Check.class)
public @interface PlainText {

  String message() default "{mediatafel.plainText}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the record's {@code String} components. */
  class Check implements ConstraintValidator<PlainText, Record> {

    @Override
    public boolean isValid(Record request, ConstraintValidatorContext context) {
      if (request == null) {
        return true;
      }
      boolean valid = true;
      for (RecordComponent component : request.getClass().getRecordComponents()) {
        if (component.getType() == String.class
            && !isPlain((String) ReflectionUtils.invokeMethod(component.getAccessor(), request))) {
          if (valid) {
            context.disableDefaultConstraintViolation();
            valid = false;
          }
          context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
              .addPropertyNode(component.getName()).addConstraintViolation();
        }
      }
      return valid;
    }

    static boolean isPlain(String text) {
      if (text == null) {
        return true;
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
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
