package nl.mediatafel.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies of {@link JsonApi} controllers are read strictly: a key twice in one object, anything after the JSON
 * value, and a value of the wrong JSON type ({@code 123} or {@code true} for a text, {@code "true"} or {@code 1} for
 * a boolean, {@code "3"} or {@code 2.5} for a number) are refused, each a 400 from {@link ApiProblems} naming the
 * field; so is a body that is not UTF-8. Only these bodies: the application's {@link ObjectMapper} (responses, everything else in Spring MVC) is left
 * as it is, and Camunda's REST API and engine use mappers of their own.
 */
@Configuration
class StrictJson implements WebMvcConfigurer {

  private final ObjectMapper strict;

  StrictJson(Jackson2ObjectMapperBuilder builder) {
    this.strict = strictMapper(builder);
  }

  static ObjectMapper strictMapper(Jackson2ObjectMapperBuilder builder) {
    ObjectMapper mapper = builder
        .featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS, DeserializationFeature.ACCEPT_FLOAT_AS_INT,
            DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
        .build();
    fail(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
        CoercionInputShape.Boolean);
    fail(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer, CoercionInputShape.Float,
        CoercionInputShape.EmptyString);
    fail(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float, CoercionInputShape.Boolean,
        CoercionInputShape.EmptyString);
    fail(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean,
        CoercionInputShape.EmptyString);
    fail(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.EmptyString);
    fail(mapper, LogicalType.POJO, CoercionInputShape.EmptyString, CoercionInputShape.EmptyArray);
    fail(mapper, LogicalType.Collection, CoercionInputShape.EmptyString);
    return mapper;
  }

  private static void fail(ObjectMapper mapper, LogicalType target, CoercionInputShape... from) {
    for (CoercionInputShape shape : from) {
      mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
    }
  }

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.add(0, new Converter(strict));
  }

  /** Reads (never writes) the request body of a {@link JsonApi} controller's method; every other is not its own. */
  static final class Converter extends MappingJackson2HttpMessageConverter {

    Converter(ObjectMapper mapper) {
      super(mapper);
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
      return false;
    }

    @Override
    public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
      return contextClass != null && AnnotatedElementUtils.hasAnnotation(contextClass, JsonApi.class)
          && super.canRead(type, contextClass, mediaType);
    }

    /**
     * JSON between systems is UTF-8 (RFC 8259): the body is decoded as UTF-8 and nothing else, refusing a broken or
     * overlong sequence and another declared charset, where Jackson would guess UTF-16 or UTF-32 from the bytes.
     */
    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
      MediaType contentType = input.getHeaders().getContentType();
      if (contentType != null && contentType.getCharset() != null
          && !StandardCharsets.UTF_8.equals(contentType.getCharset())) {
        throw new HttpMessageNotReadableException("not UTF-8", new CharacterCodingException(), input);
      }
      JavaType javaType = getJavaType(type, contextClass);
      try (Reader reader = new InputStreamReader(input.getBody(), StandardCharsets.UTF_8.newDecoder())) {
        return getObjectMapper().readerFor(javaType).readValue(reader);
      } catch (CharacterCodingException e) {
        throw new HttpMessageNotReadableException("not UTF-8", e, input);
      } catch (InvalidDefinitionException e) {
        throw new HttpMessageConversionException("Type definition error: " + e.getType(), e);
      } catch (JsonProcessingException e) {
        throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e, input);
      }
    }

    @Override
    public boolean canWrite(Class<?> clazz, MediaType mediaType) {
      return false;
    }

    @Override
    public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
      return false;
    }
  }
}
