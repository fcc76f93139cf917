package org.mandate.app.request;

import org.mandate.app.problem.AppRefusals;
import org.mandate.app.request.InboxReader.ForWhom;
import org.mandate.domain.RuleViolation;
import org.mandate.projections.inbox.InboxFilter;
import org.springframework.web.util.UriComponentsBuilder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The inbox's query parameters, read the same way by {@code GET /api/inbox} and the inbox page, and kept as a saved
 * filter's text. A value that does not parse is refused with the parameter's name and what it accepts; a blank value
 * is no condition (an empty field of the page's filter form).
 *
 * @param page 1-based; {@code size} null means the whole inbox (only when neither page nor size was given)
 */
public record InboxQuery(String category, String requester, BigDecimal minAmount, BigDecimal maxAmount,
                         Boolean overdue, Instant dueBefore, ForWhom forWhom, String text, InboxFilter.Sort sort,
                         boolean descending, int page, Integer size) {

    public static final int MAX_SIZE = 200;
    public static final int PAGE_DEFAULT_SIZE = 50;

    /** Every parameter the inbox understands; anything else in a saved filter is refused. */
    public static final List<String> PARAMETERS = List.of("category", "requester", "minAmount", "maxAmount",
            "overdue", "dueBefore", "for", "q", "sort", "page", "size");

    public static InboxQuery none() {
        return new InboxQuery(null, null, null, null, null, null, null, null, null, false, 1, null);
    }

    public static InboxQuery parse(Map<String, String> parameters) {
        Function<String, String> value = name -> {
            String raw = parameters.get(name);
            return raw == null || raw.isBlank() ? null : raw.strip();
        };
        String category = limited(value.apply("category"), "category", 64);
        String requester = limited(value.apply("requester"), "requester", 64);
        BigDecimal min = amount(value.apply("minAmount"), "minAmount");
        BigDecimal max = amount(value.apply("maxAmount"), "maxAmount");
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw refused("maxAmount", "a number not below minAmount (" + min.toPlainString() + ")",
                    "refusal.inbox.range", max.toPlainString(), min.toPlainString());
        }
        Boolean overdue = null;
        String overdueText = value.apply("overdue");
        if (overdueText != null) {
            overdue = switch (overdueText.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw refused("overdue", "true, false", "refusal.inbox.overdue", overdueText);
            };
        }
        Instant dueBefore = null;
        String dueText = value.apply("dueBefore");
        if (dueText != null) {
            try {
                dueBefore = dueText.length() == 10 ? java.time.LocalDate.parse(dueText)
                        .atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : Instant.parse(dueText);
            } catch (DateTimeParseException e) {
                throw refused("dueBefore", "an instant such as 2026-12-31T17:00:00Z, or a day such as 2026-12-31",
                        "refusal.inbox.dueBefore", dueText);
            }
        }
        ForWhom forWhom = oneOf(value.apply("for"), "for", ForWhom.values(), ForWhom::parameter);
        String text = limited(value.apply("q"), "q", 200);
        InboxFilter.Sort sort = null;
        boolean descending = false;
        String sortText = value.apply("sort");
        if (sortText != null) {
            descending = sortText.startsWith("-");
            String key = descending ? sortText.substring(1) : sortText;
            sort = oneOf(key, "sort", InboxFilter.Sort.values(), InboxFilter.Sort::parameter);
            if (sort == null) {
                throw refused("sort", "due, age, amount, each with a leading - for the other direction",
                        "refusal.inbox.sortKey");
            }
        }
        String pageText = value.apply("page");
        String sizeText = value.apply("size");
        int page = pageText == null ? 1 : number(pageText, "page", 1, Integer.MAX_VALUE);
        Integer size = null;
        if (sizeText != null) {
            size = number(sizeText, "size", 1, MAX_SIZE);
        } else if (pageText != null) {
            size = PAGE_DEFAULT_SIZE;
        }
        return new InboxQuery(category, requester, min, max, overdue, dueBefore, forWhom, text, sort, descending,
                page, size);
    }

    /** Parses the text of a saved filter: the query string of an inbox address, without the '?'. */
    public static InboxQuery parse(String queryString) {
        Map<String, String> parameters = new LinkedHashMap<>();
        UriComponentsBuilder.newInstance().query(queryString).build().getQueryParams().forEach((name, values) -> {
            if (!PARAMETERS.contains(name)) {
                throw refused("query", String.join(", ", PARAMETERS), "refusal.inbox.query",
                        String.join(", ", PARAMETERS), name);
            }
            String raw = values.isEmpty() || values.get(0) == null ? "" : values.get(0);
            parameters.put(name, java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8));
        });
        return parse(parameters);
    }

    public InboxFilter filter(Instant now) {
        return new InboxFilter(category, requester, minAmount, maxAmount, overdue, dueBefore, text, sort, descending,
                now);
    }

    /** The conditions and order as a query string, in a fixed order, without paging: what a saved filter keeps. */
    public String queryString() {
        Map<String, String> parts = new LinkedHashMap<>();
        put(parts, "category", category);
        put(parts, "requester", requester);
        put(parts, "minAmount", minAmount == null ? null : minAmount.toPlainString());
        put(parts, "maxAmount", maxAmount == null ? null : maxAmount.toPlainString());
        put(parts, "overdue", overdue == null ? null : overdue.toString());
        put(parts, "dueBefore", dueBefore == null ? null : dueBefore.toString());
        put(parts, "for", forWhom == null ? null : forWhom.parameter());
        put(parts, "q", text);
        put(parts, "sort", sort == null ? null : (descending ? "-" : "") + sort.parameter());
        return parts.entrySet().stream()
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(),
                        java.nio.charset.StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The sort as the page's select shows it; empty for the default order. */
    public String sortParameter() {
        return sort == null ? "" : (descending ? "-" : "") + sort.parameter();
    }

    /** The query string with paging, for the page's links and its poll. */
    public String queryStringWithPage(int page) {
        String conditions = queryString();
        String paging = "page=" + page + (size == null || size == PAGE_DEFAULT_SIZE ? "" : "&size=" + size);
        return conditions.isEmpty() ? paging : conditions + "&" + paging;
    }

    /** The day part of {@code dueBefore}, as the page's date field shows it. */
    public String dueBeforeDay() {
        return dueBefore == null ? "" : dueBefore.atOffset(java.time.ZoneOffset.UTC).toLocalDate().toString();
    }

    public boolean filtered() {
        return !queryString().isEmpty();
    }

    private static void put(Map<String, String> parts, String name, String value) {
        if (value != null) {
            parts.put(name, value);
        }
    }

    private static String limited(String value, String name, int max) {
        if (value != null && value.length() > max) {
            throw refused(name, "at most " + max + " characters", "refusal.inbox.length", name, String.valueOf(max));
        }
        return value;
    }

    private static BigDecimal amount(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() < 0) {
                throw new NumberFormatException();
            }
            return amount;
        } catch (NumberFormatException e) {
            throw refused(name, "a number of 0 or more, such as 1500 or 99.50", "refusal.inbox.amount", name, value);
        }
    }

    private static int number(String value, String name, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        String accepted = max == Integer.MAX_VALUE ? "a whole number from " + min : "a whole number from " + min
                + " to " + max;
        throw max == Integer.MAX_VALUE
                ? refused(name, accepted, "refusal.inbox.numberFrom", name, String.valueOf(min), value)
                : refused(name, accepted, "refusal.inbox.numberBetween", name, String.valueOf(min), String.valueOf(max),
                        value);
    }

    private static <T> T oneOf(String value, String name, T[] choices, Function<T, String> parameter) {
        if (value == null) {
            return null;
        }
        for (T choice : choices) {
            if (parameter.apply(choice).equalsIgnoreCase(value)) {
                return choice;
            }
        }
        String accepted = Arrays.stream(choices).map(parameter).collect(Collectors.joining(", "));
        throw refused(name, accepted, "refusal.inbox.oneOf", name, accepted, value);
    }

    /**
     * The refusal of a parameter: its sentence under {@code key} in the pages bundle, in the caller's language; what
     * is accepted goes along as the API's {@code accepted} property, in the API's own English.
     */
    static RuleViolation refused(String parameter, String accepted, String key, Object... args) {
        return AppRefusals.invalid(key, args).with("parameter", parameter).with("accepted", accepted);
    }
}
