package nl.mediatafel.workspace;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.mediatafel.api.InvalidRequestException;
import nl.mediatafel.api.InvalidRequestException.FieldProblem;
import nl.mediatafel.cases.CaseSearch;
import nl.mediatafel.cases.CaseStatus;
import nl.mediatafel.cases.Route;

/**
 * The query parameters of the case list ({@code /api/cases}, {@code /cases}), checked: every bad one is named in an
 * {@link InvalidRequestException}, none is silently corrected. Dates are days in Europe/Amsterdam, both inclusive.
 */
record CaseListQuery(String q, String status, String route, String mediator, LocalDate openedFrom,
    LocalDate openedTo, String sort, int page, int size) {

  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 200;
  static final int MAX_TEXT = 100;
  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final List<String> ROUTES = java.util.Arrays.stream(Route.values()).map(Route::name).toList();
  static final Set<String> SORTS = Set.of("opened", "number");

  /** The raw parameters as sent (null or blank: not given). */
  record Raw(String page, String size, String q, String status, String route, String mediator, String openedFrom,
      String openedTo, String sort) {}

  /**
   * @param text the caller's message for a key and its arguments, in the caller's language
   * @throws InvalidRequestException naming every bad parameter
   */
  static CaseListQuery of(Raw raw, MessageText text) {
    List<FieldProblem> problems = new ArrayList<>();
    int page = number(raw.page(), 0, 0, Integer.MAX_VALUE, "page", "cases.param.page", problems, text);
    int size = number(raw.size(), DEFAULT_SIZE, 1, MAX_SIZE, "size", "cases.param.size", problems, text);
    String q = blankToNull(raw.q());
    if (q != null && (q.length() > MAX_TEXT || q.chars().anyMatch(Character::isISOControl))) {
      problems.add(new FieldProblem("q", text.get("cases.param.q", MAX_TEXT)));
    }
    String status = oneOf(raw.status(), CaseStages.STATUSES, "status", problems, text);
    String route = oneOf(raw.route(), ROUTES, "route", problems, text);
    String mediator = blankToNull(raw.mediator());
    if (mediator != null && mediator.length() > MAX_TEXT) {
      problems.add(new FieldProblem("mediator", text.get("cases.param.q", MAX_TEXT)));
    }
    LocalDate from = date(raw.openedFrom(), "openedFrom", problems, text);
    LocalDate to = date(raw.openedTo(), "openedTo", problems, text);
    if (from != null && to != null && to.isBefore(from)) {
      problems.add(new FieldProblem("openedTo", text.get("cases.param.range")));
    }
    String sort = blankToNull(raw.sort()) == null ? "opened" : raw.sort().trim();
    if (!SORTS.contains(sort)) {
      problems.add(new FieldProblem("sort", text.get("cases.param.sort")));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new CaseListQuery(q, status, route, mediator, from, to, sort, page, size);
  }

  /** The search for the cases module, mediator as given (the caller's restriction is applied by {@link CaseList}). */
  CaseSearch search(String mediatorOnly) {
    return new CaseSearch(q, status == null ? null : CaseStatus.valueOf(status),
        route == null ? null : Route.valueOf(route), mediatorOnly != null ? mediatorOnly : mediator,
        openedFrom == null ? null : openedFrom.atStartOfDay(AMSTERDAM).toInstant(),
        openedTo == null ? null : openedTo.plusDays(1).atStartOfDay(AMSTERDAM).toInstant(), "number".equals(sort));
  }

  /** The query string of this query on {@code other} page: only the parameters given, URL-encoded. */
  String parametersOnPage(int other) {
    Map<String, Object> given = new LinkedHashMap<>();
    given.put("q", q);
    given.put("status", status);
    given.put("route", route);
    given.put("mediator", mediator);
    given.put("openedFrom", openedFrom);
    given.put("openedTo", openedTo);
    given.put("sort", "opened".equals(sort) ? null : sort);
    given.put("size", size == DEFAULT_SIZE ? null : size);
    given.put("page", other == 0 ? null : other);
    return given.entrySet().stream().filter(parameter -> parameter.getValue() != null)
        .map(parameter -> parameter.getKey() + "="
            + URLEncoder.encode(parameter.getValue().toString(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** How the page's messages are looked up. */
  interface MessageText {
    String get(String key, Object... arguments);
  }

  private static int number(String value, int absent, int min, int max, String field, String key,
      List<FieldProblem> problems, MessageText text) {
    String given = blankToNull(value);
    if (given == null) {
      return absent;
    }
    try {
      int parsed = Integer.parseInt(given);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    problems.add(new FieldProblem(field, text.get(key, MAX_SIZE)));
    return absent;
  }

  private static String oneOf(String value, Collection<String> allowed, String field,
      List<FieldProblem> problems, MessageText text) {
    String given = blankToNull(value);
    if (given == null) {
      return null;
    }
    String upper = given.toUpperCase(Locale.ROOT);
    if (allowed.contains(upper)) {
      return upper;
    }
    problems.add(new FieldProblem(field, text.get("cases.param.one-of", String.join(", ", allowed))));
    return null;
  }

  private static LocalDate date(String value, String field, List<FieldProblem> problems, MessageText text) {
    String given = blankToNull(value);
    if (given == null) {
      return null;
    }
    try {
      return LocalDate.parse(given);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, text.get("cases.param.date")));
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
