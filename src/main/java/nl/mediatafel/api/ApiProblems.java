package nl.mediatafel.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of every {@link JsonApi} controller as {@code application/problem+json} (RFC 9457), in one shape: a 400 lists
 * every bad field ({@code errors: [{field, message}]}, a header by its header name) with a message in the caller's
 * language ({@code Accept-Language}, Dutch by default), never a stack trace.
 */
@RestControllerAdvice(annotations = JsonApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

  record FieldError(String field, String message) {}

  static final URI INVALID_REQUEST = URI.create("https://mediatafel.nl/problems/invalid-request");

  /** The field of a problem that belongs to no single field (unreadable JSON, a wrong type at the top). */
  private static final String WHOLE_REQUEST = "request";

  private final MessageSource messages;

  ApiProblems(MessageSource messages) {
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
        .flatMap(result -> result.getResolvableErrors().stream()
            .map(error -> new FieldError(fieldOf(result.getMethodParameter()), error.getDefaultMessage())))
        .toList());
  }

  /**
   * A parameter constraint such as the {@code Idempotency-Key} header's size: with {@code @Validated} on the
   * controller, the method-validation proxy checks it and throws this instead of a
   * {@link HandlerMethodValidationException}.
   */
  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> parameterConstraints(ConstraintViolationException e) {
    return invalid(e.getConstraintViolations().stream()
        .map(violation -> new FieldError(fieldOf(violation), violation.getMessage()))
        .sorted(Comparator.comparing(FieldError::field))
        .toList());
  }

  /**
   * A body that is no JSON, or not the JSON asked for ({@link StrictJson}): named by the JSON path of the field where
   * that is known ({@code parties[1].name}), with a message saying what was wrong.
   */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    UnreadableJson unreadable = UnreadableJson.of(e);
    return invalid(List.of(new FieldError(unreadable.field() == null ? WHOLE_REQUEST : unreadable.field(),
        text(unreadable.messageKey()))));
  }

  /**
   * A wildcard {@code Content-Type} ({@code *}{@code /*}, {@code application/*}) names no format to read the body in:
   * Spring refuses it with an {@link IllegalArgumentException} while reading the body, answered here as the 415 any
   * other unsupported type gets. Any other {@link IllegalArgumentException} is not ours: it is thrown on unchanged.
   */
  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Object> wildcardContentType(IllegalArgumentException e, HttpServletRequest servletRequest,
      WebRequest request) throws Exception {
    MediaType contentType = wildcard(servletRequest.getContentType());
    if (contentType == null) {
      throw e;
    }
    return handleException(new HttpMediaTypeNotSupportedException(contentType, List.of(MediaType.APPLICATION_JSON),
        HttpMethod.valueOf(servletRequest.getMethod())), request);
  }

  private static MediaType wildcard(String contentType) {
    try {
      MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
      return type != null && (type.isWildcardType() || type.isWildcardSubtype()) ? type : null;
    } catch (InvalidMediaTypeException unparsable) {
      return null;
    }
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Object> crossFieldRules(InvalidRequestException e) {
    return invalid(e.problems().stream().map(problem -> new FieldError(problem.field(), problem.message())).toList());
  }

  @ExceptionHandler(IdempotencyConflictException.class)
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

  /** The controller parameter a violation is about, named as the caller sent it. */
  private static String fieldOf(ConstraintViolation<?> violation) {
    Path.MethodNode method = null;
    Path.Node last = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD) {
        method = node.as(Path.MethodNode.class);
      }
      last = node;
    }
    if (method == null || last == null || last.getKind() != ElementKind.PARAMETER) {
      return last == null ? WHOLE_REQUEST : last.getName();
    }
    Method handler = ReflectionUtils.findMethod(violation.getRootBeanClass(), method.getName(),
        method.getParameterTypes().toArray(Class<?>[]::new));
    String header = handler == null ? null
        : headerName(new MethodParameter(handler, last.as(Path.ParameterNode.class).getParameterIndex()));
    return header != null ? header : last.getName();
  }

  /** A header parameter by its header name ({@code Idempotency-Key}), any other by its own name. */
  private static String fieldOf(MethodParameter parameter) {
    String header = headerName(parameter);
    if (header != null) {
      return header;
    }
    return parameter.getParameterName() == null ? WHOLE_REQUEST : parameter.getParameterName();
  }

  private static String headerName(MethodParameter parameter) {
    RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
    if (header == null) {
      return null;
    }
    String name = header.name().isEmpty() ? header.value() : header.name();
    return name.isEmpty() ? null : name;
  }

  private String text(String key) {
    return messages.getMessage(key, null, LocaleContextHolder.getLocale());
  }
}
