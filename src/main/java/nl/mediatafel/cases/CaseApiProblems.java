package nl.mediatafel.cases;

import com.fasterxml.jackson.databind.JsonMappingException;
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
 * Errors of the case API as {@code application/problem+json} (RFC 9457): a 400 lists every bad field with a message in
 * the caller's language ({@code Accept-Language}, Dutch by default), never a stack trace.
 */
@RestControllerAdvice(assignableTypes = CaseController.class)
class CaseApiProblems extends ResponseEntityExceptionHandler {

  record FieldError(String field, String message) {}

  static final URI INVALID_REQUEST = URI.create("https://mediatafel.nl/problems/invalid-request");

  private final MessageSource messages;

  CaseApiProblems(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
        .sorted(Comparator.comparing(FieldError::field))
        .toList();
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = e.getParameterValidationResults().stream()
        .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldError(
            result.getMethodParameter().getParameterName() == null ? "request"
                : headerName(result.getMethodParameter().getParameterName()),
            error.getDefaultMessage())))
        .toList();
    return ResponseEntity.badRequest().body(invalid(errors));
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
    return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(field, text("request.unreadable")))));
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Object> crossFieldRules(InvalidRequestException e) {
    return ResponseEntity.badRequest().body(invalid(e.problems().stream()
        .map(problem -> new FieldError(problem.field(), problem.message())).toList()));
  }

  @ExceptionHandler(IdempotencyConflictException.class)
  ResponseEntity<Object> idempotencyConflict() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
        text("request.idempotency-conflict"));
    problem.setTitle(text("request.idempotency-conflict.title"));
    return ResponseEntity.unprocessableEntity().body(problem);
  }

  private ProblemDetail invalid(List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        text("request.invalid") + " " + errors.stream().map(FieldError::field).distinct()
            .collect(Collectors.joining(", ")));
    problem.setType(INVALID_REQUEST);
    problem.setTitle(text("request.invalid.title"));
    problem.setProperties(Map.of("errors", errors));
    return problem;
  }

  private static String headerName(String parameter) {
    return "idempotencyKey".equals(parameter) ? "Idempotency-Key" : parameter;
  }

  private String text(String key) {
    return messages.getMessage(key, null, LocaleContextHolder.getLocale());
  }
}
