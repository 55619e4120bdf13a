package nl.mediatafel.coaching;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the coaching API as {@code application/problem+json}, in the same shape and with the same texts as the
 * case API: a 400 lists every bad field ({@code errors: [{field, message}]}) in the caller's language.
 */
@RestControllerAdvice(assignableTypes = CoachingController.class)
class CoachingApiProblems extends ResponseEntityExceptionHandler {

  record FieldError(String field, String message) {}

  static final URI INVALID_REQUEST = URI.create("https://mediatafel.nl/problems/invalid-request");

  private final MessageSource messages;

  CoachingApiProblems(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return invalid(e.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
        .sorted(Comparator.comparing(FieldError::field))
        .toList());
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return invalid(e.getParameterValidationResults().stream()
        .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldError(
            "idempotencyKey".equals(result.getMethodParameter().getParameterName()) ? "Idempotency-Key" : "request",
            error.getDefaultMessage())))
        .toList());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field = "request";
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      field = mapping.getPath().stream()
          .map(reference -> reference.getFieldName() != null ? "." + reference.getFieldName()
              : "[" + reference.getIndex() + "]")
          .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
    return invalid(List.of(new FieldError(field, text("request.unreadable"))));
  }

  /**
   * The {@code Idempotency-Key} header's size: with {@code @Validated} on the controller, parameter constraints are
   * checked by the method-validation proxy, which throws this instead of a {@link HandlerMethodValidationException}.
   */
  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> parameterConstraints(ConstraintViolationException e) {
    return invalid(e.getConstraintViolations().stream()
        .map(violation -> new FieldError(parameterName(violation), violation.getMessage()))
        .sorted(Comparator.comparing(FieldError::field))
        .toList());
  }

  private static String parameterName(ConstraintViolation<?> violation) {
    String name = "request";
    for (Path.Node node : violation.getPropertyPath()) {
      name = node.getName();
    }
    return "idempotencyKey".equals(name) ? "Idempotency-Key" : name;
  }

  @ExceptionHandler(CoachingRequests.IdempotencyConflictException.class)
  ResponseEntity<Object> idempotencyConflict() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
        text("request.idempotency-conflict"));
    problem.setTitle(text("request.idempotency-conflict.title"));
    return ResponseEntity.unprocessableEntity().body(problem);
  }

  private ResponseEntity<Object> invalid(List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        text("request.invalid") + " " + errors.stream().map(FieldError::field).distinct()
            .collect(Collectors.joining(", ")));
    problem.setType(INVALID_REQUEST);
    problem.setTitle(text("request.invalid.title"));
    problem.setProperties(Map.of("errors", errors));
    return ResponseEntity.badRequest().body(problem);
  }

  private String text(String key) {
    return messages.getMessage(key, null, LocaleContextHolder.getLocale());
  }
}
