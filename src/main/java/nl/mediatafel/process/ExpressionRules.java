package nl.mediatafel.process;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What a JUEL expression in a model may do. A model's expressions run with the engine's full rights and without
 * authorization checks (a timer job runs as nobody), so an expression is parsed with the JUEL parser the engine uses
 * and its syntax tree is walked:
 *
 * <ul>
 *   <li>a call on a Spring bean only when it is a {@link DesignerFunction}; no property of a bean, no bare bean;</li>
 *   <li>on {@code execution}, {@code task} and the other engine objects only the members in {@link #CONTEXT_MEMBERS};
 *       the bare {@code execution} only as an argument of a designer function;</li>
 *   <li>nowhere a member used for reflection or reaching the engine ({@link #FORBIDDEN_MEMBERS});</li>
 *   <li>on variables and other values: properties, and of methods only {@link #VALUE_METHODS};</li>
 *   <li>of EL functions only the engine's {@code now()}, {@code dateTime()}, {@code currentUser()},
 *       {@code currentUserGroups()}.</li>
 * </ul>
 */
final class ExpressionRules {

  /** Names the engine resolves to its own objects before any variable or bean. */
  private static final Set<String> CONTEXT_OBJECTS = Set.of("execution", "task", "variableScope", "externalTask",
      "caseExecution");

  static final Set<String> CONTEXT_MEMBERS = Set.of(
      "id", "getId", "processInstanceId", "getProcessInstanceId", "processBusinessKey", "getProcessBusinessKey",
      "businessKey", "getBusinessKey", "currentActivityId", "getCurrentActivityId", "currentActivityName",
      "getCurrentActivityName", "activityInstanceId", "getActivityInstanceId", "eventName", "getEventName",
      "processDefinitionId", "getProcessDefinitionId", "tenantId", "getTenantId", "executionId", "getExecutionId",
      "getVariable", "getVariableLocal", "hasVariable", "hasVariableLocal",
      // task
      "name", "getName", "assignee", "getAssignee", "owner", "getOwner", "taskDefinitionKey",
      "getTaskDefinitionKey", "dueDate", "getDueDate", "followUpDate", "getFollowUpDate", "priority", "getPriority",
      "createTime", "getCreateTime", "description", "getDescription");

  static final Set<String> FORBIDDEN_MEMBERS = Set.of(
      "class", "getClass", "classLoader", "getClassLoader", "contextClassLoader", "getContextClassLoader",
      "forName", "newInstance", "invoke", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods",
      "getField", "getDeclaredField", "getConstructor", "getDeclaredConstructor", "declaredConstructors",
      "constructors", "module", "getModule", "getRuntime", "runtime", "exec", "load", "loadClass",
      "getBean", "applicationContext", "getApplicationContext", "beanFactory", "getBeanFactory", "setAccessible");

  /** Members that lead from any object into the engine, refused with their own message. */
  static final Set<String> ENGINE_MEMBERS = Set.of(
      "processEngineServices", "getProcessEngineServices", "processEngine", "getProcessEngine",
      "processEngineConfiguration", "getProcessEngineConfiguration", "commandContext", "getCommandContext",
      "processDefinition", "getProcessDefinition", "processInstance", "getProcessInstance", "execution",
      "getExecution", "delegateTask", "bpmnModelInstance", "getBpmnModelInstance", "bpmnModelElementInstance",
      "getBpmnModelElementInstance", "superExecution", "getSuperExecution", "parent", "getParent",
      "identityService", "getIdentityService", "runtimeService", "getRuntimeService", "repositoryService",
      "getRepositoryService", "taskService", "getTaskService", "managementService", "getManagementService",
      "authorizationService", "getAuthorizationService", "historyService", "getHistoryService");

  static final Set<String> VALUE_METHODS = Set.of(
      "intValue", "longValue", "doubleValue", "toString", "equals", "isEmpty", "size", "length", "contains",
      "containsKey", "startsWith", "endsWith", "trim", "toUpperCase", "toLowerCase", "substring", "indexOf",
      "compareTo",
      // Joda-Time / java.util.Date results of dateTime() and now()
      "plusMinutes", "plusHours", "plusDays", "plusWeeks", "plusMonths", "plusYears", "minusMinutes", "minusHours",
      "minusDays", "minusWeeks", "minusMonths", "minusYears", "toDate", "isBefore", "isAfter", "before", "after",
      "withTimeAtStartOfDay");

  static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

  private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private final Predicate<String> isBean;

  /** @param isBean whether a name is a Spring bean (the engine's expression manager can reach every bean) */
  ExpressionRules(Predicate<String> isBean) {
    this.isBean = isBean;
  }

  /** Whether text is evaluated as an expression by the engine at all. */
  static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** @return why the expression is refused, or empty when models may use it */
  Optional<String> check(String expression) {
    AstNode root;
    try {
      root = (AstNode) PARSER.build(expression).getRoot();
    } catch (TreeBuilderException | ClassCastException e) {
      return Optional.of("expression '" + expression + "' does not parse: " + e.getMessage());
    }
    try {
      visit(root, false);
      return Optional.empty();
    } catch (Refused refused) {
      return Optional.of(refused.getMessage());
    }
  }

  boolean isBean(String name) {
    return !CONTEXT_OBJECTS.contains(name) && (isBean.test(name) || DesignerFunction.isDesignerBean(name));
  }

  private void visit(Node node, boolean designerArgument) {
    if (node instanceof AstMethod || node instanceof AstProperty) {
      chain((AstNode) node);
    } else if (node instanceof AstIdentifier identifier) {
      bare(identifier.getName(), designerArgument);
    } else if (node instanceof AstFunction function) {
      if (!FUNCTIONS.contains(function.getName())) {
        throw new Refused("expression calls the function '" + function.getName() + "()'; only " + FUNCTIONS
            + " are available");
      }
      children(function, false);
    } else {
      children(node, false);
    }
  }

  private void children(Node node, boolean designerArguments) {
    for (int i = 0; i < node.getCardinality(); i++) {
      Node child = node.getChild(i);
      if (child != null) {
        visit(child, designerArguments);
      }
    }
  }

  private void bare(String name, boolean designerArgument) {
    if (CONTEXT_OBJECTS.contains(name) && !designerArgument) {
      throw new Refused("expression hands out the engine object '" + name
          + "' itself; it may only be passed to a designer function");
    }
    if (isBean(name)) {
      throw new Refused("expression refers to the bean '" + name
          + "' itself; a bare bean may only be a camunda:delegateExpression of one of our delegates");
    }
  }

  private record Step(String name, AstParameters parameters) {
    boolean isCall() {
      return parameters != null;
    }
  }

  /** {@code a.b(x).c} as its root {@code a} and the steps {@code b(x)}, {@code c}, each checked in turn. */
  private void chain(AstNode node) {
    Deque<Step> steps = new ArrayDeque<>();
    Node current = node;
    while (true) {
      if (current instanceof AstMethod method) {
        AstProperty property = (AstProperty) method.getChild(0);
        steps.addFirst(new Step(memberName(property), (AstParameters) method.getChild(1)));
        current = property.getChild(0);
      } else if (current instanceof AstProperty property) {
        steps.addFirst(new Step(memberName(property), null));
        current = property.getChild(0);
      } else {
        break;
      }
    }
    for (Step step : steps) {
      if (FORBIDDEN_MEMBERS.contains(step.name())) {
        throw new Refused("expression uses '" + step.name() + "', which reaches Java reflection or the Spring context");
      }
      if (ENGINE_MEMBERS.contains(step.name())) {
        throw new Refused("expression reaches the engine's services (" + step.name() + ")");
      }
    }
    List<Step> rest = List.copyOf(steps);
    int from = 0;
    if (current instanceof AstIdentifier identifier && CONTEXT_OBJECTS.contains(identifier.getName())) {
      Step first = rest.get(0);
      if (!CONTEXT_MEMBERS.contains(first.name())) {
        throw new Refused("expression uses '" + identifier.getName() + "." + first.name() + "'; on "
            + identifier.getName() + " models may only use " + new java.util.TreeSet<>(CONTEXT_MEMBERS));
      }
      arguments(first, false);
      from = 1;
    } else if (current instanceof AstIdentifier identifier && isBean(identifier.getName())) {
      Step first = rest.get(0);
      String bean = identifier.getName();
      if (!first.isCall()) {
        throw new Refused("expression reads the property '" + first.name() + "' of the bean '" + bean
            + "'; only the designer functions may be called on beans");
      }
      int arity = first.parameters().getCardinality();
      if (DesignerFunction.find(bean, first.name(), arity).isEmpty()) {
        throw new Refused("expression calls '" + bean + "." + first.name() + "' with " + arity
            + " argument(s), which is not a designer function");
      }
      arguments(first, true);
      from = 1;
    } else {
      visit(current, false);
    }
    for (Step step : rest.subList(from, rest.size())) {
      if (step.isCall() && !VALUE_METHODS.contains(step.name())) {
        throw new Refused("expression calls the method '" + step.name() + "()' on a value; on variables models may "
            + "only read properties and call " + new java.util.TreeSet<>(VALUE_METHODS));
      }
      arguments(step, false);
    }
  }

  private void arguments(Step step, boolean designerArguments) {
    if (step.isCall()) {
      children(step.parameters(), designerArguments);
    }
  }

  /** The name of {@code .b} or {@code ['b']}; a member named at run time ({@code a[b]}) is refused. */
  private String memberName(AstProperty property) {
    if (property instanceof AstDot dot) {
      return dot.toString().substring(2);
    }
    if (property instanceof AstBracket bracket) {
      Node key = bracket.getChild(1);
      if (key instanceof AstString string) {
        String quoted = string.toString();
        return quoted.substring(1, quoted.length() - 1);
      }
      if (key instanceof AstNumber number) {
        return number.toString();
      }
      throw new Refused("expression names a member at run time (" + bracket.getChild(0) + "[...]); write the name");
    }
    throw new Refused("expression uses an unknown construct " + property);
  }

  private static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }
}
