package org.mandate.processes.validation;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only expressions a path may hold: an assignment through Mandate's routing bean, or a comparison of the
 * variables Mandate sets with literals. Anything else (another bean, a method call, property access) is refused,
 * because an expression is code the engine runs.
 */
final class ExpressionPolicy {

    static final String FINANCE_CHECK = "routing.financeCheckerFor(execution)";
    static final String APPROVER = "routing.approverFor(execution)";
    static final Set<String> ASSIGNMENTS = Set.of(APPROVER, FINANCE_CHECK);
    /** Expressions the sentences quote; they are values to other languages, whose bundles cannot hold a brace. */
    static final String APPROVER_EXPRESSION = "${" + APPROVER + "}";
    static final String FINANCE_CHECK_EXPRESSION = "${" + FINANCE_CHECK + "}";
    static final String DUE_AFTER_EXAMPLE = "${routing.dueAfter('P2D')}";
    static final String CONDITION_EXAMPLE = "${category == 'trip' && amount >= 500}";
    static final Set<String> VARIABLES = Set.of("outcome", "amount", "category", "requester");
    private static final Set<String> WORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "empty",
            "true", "false", "null");
    /** The due date of a step, counted from when it opens: {@code ${routing.dueAfter('P2D')}}. */
    private static final Pattern DUE_AFTER =
            Pattern.compile("\\s*\\$\\{\\s*routing\\.dueAfter\\(\\s*'([^']*)'\\s*\\)\\s*}\\s*");
    private static final Pattern SEGMENT = Pattern.compile("[$#]\\{([^{}]*)}");
    private static final Pattern WHOLE = Pattern.compile("\\s*[$#]\\{(.*)}\\s*", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(?<string>'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")|(?<number>\\d+(?:\\.\\d+)?)"
                    + "|(?<word>[A-Za-z_][A-Za-z0-9_]*)|(?<operator>==|!=|<=|>=|&&|\\|\\||[<>!()]))");

    private ExpressionPolicy() {
    }

    static boolean mentionsExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** Null if the text is one of the routing assignments, else why it is not (a phrase after the element). */
    static Said checkAssignment(String text) {
        String body = body(text);
        if (body != null && ASSIGNMENTS.contains(body.replaceAll("\\s+", ""))) {
            return null;
        }
        return Said.of("assignee.notRouting", "has the assignee '" + text + "', which is not an assignment Mandate "
                + "understands. Use ${routing.approverFor(execution)} (the lowest manager whose authority covers the "
                + "request) or ${routing.financeCheckerFor(execution)} (the finance check)", text, APPROVER_EXPRESSION,
                FINANCE_CHECK_EXPRESSION);
    }

    /** Null if the text is {@code ${routing.dueAfter('<duration>')}} with a duration the routing bean can read. */
    static Said checkDueAfter(String text) {
        Matcher due = DUE_AFTER.matcher(text);
        if (!due.matches()) {
            return Said.of("dueAfter.unknown", "is '" + text + "', an expression Mandate does not understand. Use a "
                    + "fixed ISO 8601 duration such as P2D, or ${routing.dueAfter('P2D')}", text, DUE_AFTER_EXAMPLE);
        }
        try {
            java.time.Duration.parse(due.group(1));
            return null;
        } catch (java.time.format.DateTimeParseException e) {
            return Said.of("dueAfter.notDuration", "asks for routing.dueAfter('" + due.group(1) + "'), which is not "
                    + "a duration in days, hours or minutes. Write it like P2D or PT4H", due.group(1));
        }
    }

    /** Null if the text is a single comparison of Mandate's variables, else why not (a phrase after "that"). */
    static Said checkCondition(String text) {
        String body = body(text);
        if (body == null) {
            return Said.of("expression.notSingle", "is not a single ${...} expression. Write a comparison such as "
                    + "${amount >= 5000}");
        }
        return checkBody(body);
    }

    /** Null if every ${...} in a name or description only reads Mandate's variables, else why not. */
    static Said checkTemplate(String text) {
        Matcher segment = SEGMENT.matcher(text);
        while (segment.find()) {
            Said why = checkBody(segment.group(1));
            if (why != null) {
                return why;
            }
        }
        if (mentionsExpression(segment.replaceAll(""))) {
            return Said.of("expression.nested", "has nested braces, which are not allowed. Use plain ${variable} "
                    + "references such as ${amount}");
        }
        return null;
    }

    private static Said checkBody(String body) {
        Matcher token = TOKEN.matcher(body);
        int position = 0;
        while (position < body.length()) {
            if (body.substring(position).isBlank()) {
                break;
            }
            if (!token.find(position) || token.start() != position) {
                String rest = body.substring(position).strip();
                return Said.of("expression.notAllowed", "contains '" + rest + "', which is not allowed. Only compare "
                        + "outcome, amount, category or requester with numbers or quoted text, e.g. "
                        + "${category == 'trip' && amount >= 500}", rest, CONDITION_EXAMPLE);
            }
            String word = token.group("word");
            if (word != null && !VARIABLES.contains(word) && !WORDS.contains(word)) {
                return Said.of("expression.unknownWord", "uses '" + word + "', which Mandate does not provide. "
                        + "Expressions may only use outcome, amount, category and requester", word);
            }
            position = token.end();
        }
        return null;
    }

    private static String body(String text) {
        if (text == null) {
            return null;
        }
        Matcher whole = WHOLE.matcher(text);
        if (!whole.matches() || whole.group(1).contains("}") || whole.group(1).contains("{")) {
            return null;
        }
        return whole.group(1).strip();
    }
}
