package org.mandate.app.mandate.web;

import org.mandate.app.web.Moments;
import org.mandate.app.web.voice.Amounts;
import org.mandate.app.web.voice.Messages;
import org.mandate.app.problem.Refusal;
import org.springframework.validation.Errors;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The grant form as typed: days rather than instants, categories as a comma-separated list. */
public class MandateForm {

    /** What the form means once read: a mandate runs from the start of its first day to the end of its last. */
    record Read(Set<String> categories, BigDecimal maxAmount, Instant validFrom, Instant validUntil, String reason,
                LocalDate lastDay) {

        String describe() {
            return Messages.of(categories.contains("*") ? "page.mandate.scope.any" : "page.mandate.scope",
                    String.join(", ", categories), Amounts.format(maxAmount, null, Messages.locale()), Moments.day(lastDay));
        }
    }

    private String to;
    private String categories;
    private String maxAmount;
    private String from;
    private String until;
    private String reason;
    private boolean away;

    static String fieldOf(Refusal refusal) {
        String message = refusal.message().toLowerCase(Locale.ROOT);
        if (message.contains("category") || message.contains("categories")) {
            return "categories";
        }
        if (message.contains("amount") || message.contains("authority")) {
            return "maxAmount";
        }
        if (message.contains("validfrom") || message.contains("validuntil") || message.contains("past")) {
            return "until";
        }
        if (message.contains("reason")) {
            return "reason";
        }
        return refusal.invalidInput() || message.contains("yourself") || message.contains("cycle")
                || message.contains("someone else") ? "to" : null;
    }

    Read read(Errors errors, String currency) {
        if (to == null || to.isBlank()) {
            errors.rejectValue("to", "required", Messages.of("page.mandate.to"));
        }
        Set<String> scope = categories == null ? Set.of() : Arrays.stream(categories.split(","))
                .map(String::strip).filter(category -> !category.isEmpty())
                .map(category -> category.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (scope.isEmpty()) {
            errors.rejectValue("categories", "required", Messages.of("page.mandate.categories"));
        } else if (scope.stream().anyMatch(category -> !category.matches("\\*|[\\p{L}\\p{N} _-]{1,64}"))) {
            errors.rejectValue("categories", "pattern", Messages.of("page.mandate.categories.pattern"));
        }
        BigDecimal amount = null;
        try {
            amount = maxAmount == null || maxAmount.isBlank() ? null
                    : org.mandate.app.web.voice.Amounts.parse(maxAmount);
        } catch (org.mandate.app.web.voice.Amounts.Unreadable notAnAmount) {
            // reported below
        }
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            errors.rejectValue("maxAmount", "amount", Messages.of("page.mandate.maxAmount", currency));
        }
        LocalDate first = day(from, "from", errors);
        LocalDate last = day(until, "until", errors);
        if (first != null && last != null && last.isBefore(first)) {
            errors.rejectValue("until", "order", Messages.of("page.mandate.order"));
        }
        if (reason != null && reason.length() > 2_000) {
            errors.rejectValue("reason", "length", Messages.of("page.mandate.reason"));
        }
        if (errors.hasErrors()) {
            return null;
        }
        ZoneId zone = ZoneId.systemDefault();
        return new Read(scope, amount, first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant(), reason == null || reason.isBlank() ? null
                : reason.strip(), last);
    }

    private static LocalDate day(String text, String field, Errors errors) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException notADay) {
            errors.rejectValue(field, "day", Messages.of("page.mandate.day"));
            return null;
        }
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getCategories() {
        return categories;
    }

    public void setCategories(String categories) {
        this.categories = categories;
    }

    public String getMaxAmount() {
        return maxAmount;
    }

    public void setMaxAmount(String maxAmount) {
        this.maxAmount = maxAmount;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getUntil() {
        return until;
    }

    public void setUntil(String until) {
        this.until = until;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public boolean isAway() {
        return away;
    }

    public void setAway(boolean away) {
        this.away = away;
    }
}
