package nl.mediatafel.process;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * A {@link FormRefusal} is an answer to a person, not a failure, so it leaves no warning with a stack trace. The engine
 * already logs it at DEBUG (a {@code BadUserRequestException}, see {@link FormRefusal}); the engine's REST API,
 * however, answers a refused {@code submit-form} with HTTP 500 and logs every 500 as {@code ENGINE-REST-HTTP500} at
 * WARN with the stack trace, on {@value #REST_LOGGER}. This logback filter drops exactly those lines whose stack trace
 * is caused by a {@link FormRefusal}; every other REST error and every engine error ({@code ENGINE-16004}) is logged
 * as before.
 */
@Component
class FormRefusalLogging extends TurboFilter implements SmartInitializingSingleton {

  static final String REST_LOGGER = "org.camunda.bpm.engine.rest.exception";
  private static final String CAUSED_BY_REFUSAL = "Caused by: " + FormRefusal.class.getName();

  @Override
  public void afterSingletonsInstantiated() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context && !context.getTurboFilterList().contains(this)) {
      setName(getClass().getSimpleName());
      start();
      context.addTurboFilter(this);
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
      Throwable t) {
    if (format != null && level != null && level.isGreaterOrEqual(Level.WARN) && REST_LOGGER.equals(logger.getName())
        && format.contains(CAUSED_BY_REFUSAL)) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }
}
