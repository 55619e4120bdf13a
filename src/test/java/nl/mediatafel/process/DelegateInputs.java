package nl.mediatafel.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a bean of ours reads from the model, found in its source: the input parameters (local variables read with
 * {@code getVariableLocal(NAME)}, directly or through a helper such as {@code SetDeadlineDelegate.text(execution,
 * NAME)}) and the {@code camunda:field}s (fields of type {@code Expression}). Names are resolved from string literals
 * and {@code static final String} constants, also across classes ({@code = SetDeadlineDelegate.VARIABLE}).
 *
 * <p>Read from the source, not declared next to it, so that a template cannot drift from the code by someone
 * forgetting to update a list: a read the parser cannot resolve (a name computed at run time) fails loudly instead of
 * being skipped. The limit: a delegate that hands its execution to a class that reads inputs through something other
 * than {@code getVariableLocal} would go unseen; none does today, and {@link TemplateBindingTest} fails on a bean
 * class it cannot find.
 */
final class DelegateInputs {

  static final Path SOURCES = Path.of("src/main/java");

  private static final Pattern COMPONENT = Pattern.compile("@Component\\(([^)]+)\\)");
  private static final Pattern CLASS = Pattern.compile("(?m)^(?:public |abstract |final )*(?:class|record) (\\w+)");
  private static final Pattern METHOD = Pattern.compile(
      "(?m)^[ \\t]+(?:(?:public|protected|private|static|final|synchronized)\\s+)*[\\w<>\\[\\]?, .]+?\\s+(\\w+)"
          + "\\s*\\(([^()]*)\\)\\s*(?:throws [\\w., ]+)?\\{");
  private static final Pattern CALL = Pattern.compile("(?:\\b(\\w+)\\s*\\.\\s*)?\\b(\\w+)\\s*\\(");
  private static final Pattern CONSTANT = Pattern.compile("static final String (\\w+)\\s*=\\s*([^;]+);");
  private static final Pattern EXPRESSION_FIELD = Pattern.compile(
      "(?m)^\\s*(?:private |protected |public )?(?:org\\.camunda\\.bpm\\.engine\\.delegate\\.)?Expression (\\w+)\\s*;");

  private static final Set<String> KEYWORDS = Set.of("if", "for", "while", "switch", "catch", "synchronized", "try",
      "new", "return");

  private record Method(String owner, String name, List<String> parameters, String body) {}

  /** A method that reads the input named by its argument at {@code index}. */
  private record Reader(String owner, String name, int index) {}

  private final Map<String, String> sourceByClass = new HashMap<>();
  private final Map<String, String> classByBean = new HashMap<>();
  private final Map<String, String> components = new HashMap<>();
  private final List<Method> methods = new ArrayList<>();
  private final List<Reader> readers = new ArrayList<>();

  DelegateInputs() {
    this(SOURCES);
  }

  DelegateInputs(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = withoutComments(Files.readString(file));
        Matcher type = CLASS.matcher(source);
        if (!type.find()) {
          continue;
        }
        String owner = type.group(1);
        sourceByClass.put(owner, source);
        Matcher component = COMPONENT.matcher(source);
        if (component.find()) {
          components.put(owner, component.group(1));
        }
        Matcher method = METHOD.matcher(source);
        while (method.find()) {
          if (KEYWORDS.contains(method.group(1))) {
            continue;
          }
          int open = method.end() - 1;
          methods.add(new Method(owner, method.group(1), parameterNames(method.group(2)),
              source.substring(open, closing(source, open))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // a bean name is a literal or a constant (@Component(GenerateDocumentDelegate.BEAN_NAME))
    components.forEach((owner, name) -> classByBean.put(resolve(owner, name, "@Component of " + owner), owner));
    findReaders();
  }

  boolean isBean(String bean) {
    return classByBean.containsKey(bean);
  }

  /** The input parameters and fields {@code ${bean}} reads; fails on a read whose name it cannot resolve. */
  Set<String> reads(String bean) {
    String owner = classByBean.get(bean);
    if (owner == null) {
      throw new AssertionError("no @Component(\"" + bean + "\") in " + SOURCES);
    }
    Set<String> names = new TreeSet<>();
    for (Method method : methods) {
      if (!method.owner().equals(owner)) {
        continue;
      }
      forEachReaderCall(method, (reader, argument) -> {
        if (!method.parameters().contains(argument)) {
          names.add(resolve(owner, argument, bean + "." + method.name()));
        }
      });
    }
    Matcher field = EXPRESSION_FIELD.matcher(sourceByClass.get(owner));
    while (field.find()) {
      names.add(field.group(1));
    }
    return names;
  }

  /** Readers: {@code getVariableLocal}, then every method that passes one of its parameters to a reader. */
  private void findReaders() {
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Method method : methods) {
        List<Reader> found = new ArrayList<>();
        forEachReaderCall(method, (reader, argument) -> {
          int index = method.parameters().indexOf(argument);
          Reader candidate = new Reader(method.owner(), method.name(), index);
          if (index >= 0 && !readers.contains(candidate) && !found.contains(candidate)) {
            found.add(candidate);
          }
        });
        grew |= readers.addAll(found) && !found.isEmpty();
      }
    }
  }

  private interface ReaderCall {
    void accept(Reader reader, String argument);
  }

  private void forEachReaderCall(Method method, ReaderCall action) {
    Matcher call = CALL.matcher(method.body());
    while (call.find()) {
      String qualifier = call.group(1);
      String name = call.group(2);
      List<String> arguments = arguments(method.body(), call.end());
      if (name.equals("getVariableLocal") && !arguments.isEmpty()) {
        // DelegateExecution.getVariableLocal(name); RuntimeService.getVariableLocal(executionId, name) is no input
        if (arguments.size() == 1) {
          action.accept(new Reader("", name, 0), arguments.get(0));
        }
        continue;
      }
      if (qualifier != null && !Character.isUpperCase(qualifier.charAt(0))) {
        continue; // a call on an object (service.x(...)), not a static helper or a method of this class
      }
      String owner = qualifier == null ? method.owner() : qualifier;
      for (Reader reader : List.copyOf(readers)) {
        if (reader.owner().equals(owner) && reader.name().equals(name) && reader.index() < arguments.size()) {
          action.accept(reader, arguments.get(reader.index()));
        }
      }
    }
  }

  /** A string literal or a constant ({@code NAME}, {@code Other.NAME}) to its value. */
  private String resolve(String owner, String expression, String where) {
    String text = expression.strip();
    if (text.matches("\"[^\"\\\\]*\"")) {
      return text.substring(1, text.length() - 1);
    }
    Matcher reference = Pattern.compile("(?:(\\w+)\\.)?([A-Z][A-Z0-9_]*)").matcher(text);
    if (reference.matches()) {
      String inClass = reference.group(1) == null ? owner : reference.group(1);
      String source = sourceByClass.get(inClass);
      if (source != null) {
        Matcher constant = CONSTANT.matcher(source);
        while (constant.find()) {
          if (constant.group(1).equals(reference.group(2))) {
            return resolve(inClass, constant.group(2), where);
          }
        }
      }
    }
    throw new AssertionError(where + " reads an input whose name is not a literal or a String constant: " + text);
  }

  private static List<String> parameterNames(String declaration) {
    List<String> names = new ArrayList<>();
    for (String parameter : declaration.split(",")) {
      String[] words = parameter.strip().split("\\s+");
      if (words.length >= 2) {
        names.add(words[words.length - 1]);
      }
    }
    return names;
  }

  /** The top-level arguments of a call whose opening parenthesis ends just before {@code from}. */
  private static List<String> arguments(String text, int from) {
    List<String> arguments = new ArrayList<>();
    int depth = 0;
    int start = from;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        i = endOfLiteral(text, i) - 1;
      } else if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        if (depth == 0) {
          if (!text.substring(start, i).isBlank()) {
            arguments.add(text.substring(start, i).strip());
          }
          return arguments;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        arguments.add(text.substring(start, i).strip());
        start = i + 1;
      }
    }
    return arguments;
  }

  /** The index just after the brace that closes the one at {@code open}. */
  private static int closing(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        i = endOfLiteral(text, i) - 1;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i + 1;
      }
    }
    return text.length();
  }

  /** The index just after the string, text block or char literal that starts at {@code start}. */
  private static int endOfLiteral(String text, int start) {
    char quote = text.charAt(start);
    if (quote == '"' && text.startsWith("\"\"\"", start)) {
      int end = text.indexOf("\"\"\"", start + 3);
      return end < 0 ? text.length() : end + 3;
    }
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote || c == '\n') {
        return i + 1;
      }
    }
    return text.length();
  }

  /** The source with its comments blanked (an apostrophe in a comment is no char literal). */
  static String withoutComments(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '"' || c == '\'') {
        int end = endOfLiteral(source, i);
        out.append(source, i, end);
        i = end;
      } else if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? source.length() : end;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? source.length() : end + 2;
        out.append(' ');
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
