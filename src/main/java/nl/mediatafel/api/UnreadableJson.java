package nl.mediatafel.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Why a request body could not be read, as a field (its JSON path, {@code parties[1].name}; null for the whole body)
 * and the key of a message in {@code i18n/pages_*.properties}.
 */
record UnreadableJson(String field, String messageKey) {

  /** A path longer than this (a client's own key names) is cut, so the answer does not echo a whole body. */
  private static final int MAX_PATH = 200;

  UnreadableJson {
    if (field != null && field.length() > MAX_PATH) {
      field = field.substring(0, MAX_PATH) + "…";
    }
  }

  static UnreadableJson of(HttpMessageNotReadableException e) {
    if (e.getCause() == null) {
      return new UnreadableJson(null, "request.json.missing");
    }
    List<Throwable> causes = causes(e.getCause());
    for (Throwable cause : causes) {
      if (cause instanceof CharacterCodingException) {
        return new UnreadableJson(null, "request.json.not-utf8");
      }
      if (cause instanceof StreamConstraintsException) {
        return new UnreadableJson(null, "request.json.too-complex");
      }
      if (cause instanceof JsonParseException parse) {
        String field = parse.getProcessor() == null ? null : path(parse.getProcessor().getParsingContext());
        if (parse.getOriginalMessage() != null && parse.getOriginalMessage().startsWith("Duplicate field")) {
          return new UnreadableJson(field, "request.json.duplicate");
        }
        return new UnreadableJson(null, "request.unreadable");
      }
    }
    for (Throwable cause : causes) {
      if (cause instanceof MismatchedInputException mismatch) {
        String field = path(mismatch);
        if (mismatch.getOriginalMessage() != null && mismatch.getOriginalMessage().startsWith("Trailing token")) {
          return new UnreadableJson(null, "request.json.trailing");
        }
        return new UnreadableJson(field, expected(mismatch.getTargetType()));
      }
      if (cause instanceof JsonMappingException mapping) {
        return new UnreadableJson(path(mapping), "request.unreadable");
      }
    }
    return new UnreadableJson(null, "request.unreadable");
  }

  /** What a field should have been, by the type it is read into. */
  private static String expected(Class<?> target) {
    if (target == null) {
      return "request.unreadable";
    }
    if (target == String.class || target == Character.class || target == char.class) {
      return "request.json.expected-text";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "request.json.expected-boolean";
    }
    if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != void.class)) {
      return "request.json.expected-number";
    }
    if (Collection.class.isAssignableFrom(target) || target.isArray()) {
      return "request.json.expected-list";
    }
    return "request.json.expected-object";
  }

  private static List<Throwable> causes(Throwable first) {
    List<Throwable> causes = new java.util.ArrayList<>();
    for (Throwable cause = first; cause != null && !causes.contains(cause); cause = cause.getCause()) {
      causes.add(cause);
    }
    return causes;
  }

  private static String path(JsonMappingException mapping) {
    if (mapping.getPath().isEmpty()) {
      return null;
    }
    return mapping.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? "." + reference.getFieldName()
            : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining()).replaceFirst("^\\.", "");
  }

  /** Where the parser was: the key it had just read, inside the objects and arrays around it. */
  private static String path(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext level = context; level != null && !level.inRoot(); level = level.getParent()) {
      if (level.inObject() && level.getCurrentName() != null) {
        parts.addFirst("." + level.getCurrentName());
      } else if (level.inArray()) {
        parts.addFirst("[" + Math.max(0, level.getCurrentIndex()) + "]");
      }
    }
    String path = String.join("", parts).replaceFirst("^\\.", "");
    return path.isEmpty() ? null : path;
  }
}
