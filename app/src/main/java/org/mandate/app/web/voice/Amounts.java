package org.mandate.app.web.voice;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Amounts on pages, both ways, in the page's language: "1,500.50 EUR" / "1.500,50 EUR" shown, and the same typed
 * into a form. Templates reach it as {@code @amounts}. The JSON API has numbers and never comes here.
 */
@Component("amounts")
public final class Amounts {

    /** What a person typed cannot be read as an amount; {@code key} and {@code args} say why, in the bundles. */
    public static final class Unreadable extends RuntimeException {
        public final String key;
        public final transient Object[] args;

        Unreadable(String key, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.args = args;
        }
    }

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** For templates: the amount with two decimals and the currency, in the page's language. */
    public String text(BigDecimal amount, String currency) {
        return format(amount, currency, Messages.locale());
    }

    public static String format(BigDecimal amount, String currency, Locale locale) {
        if (amount == null) {
            return "";
        }
        return new DecimalFormat("#,##0.00", symbols(locale)).format(amount) + (currency == null ? "" : " " + currency);
    }

    /** Reads what a person typed, in the page's language. */
    public static BigDecimal parse(String typed) {
        return parse(typed, Messages.locale());
    }

    /**
     * "1,500.50" in English and "1.500,50" in German; "1500.50" and "1500,50" in both, since a separator followed by
     * one or two digits can only be a decimal one. A lone decimal separator followed by exactly three digits
     * ("1,500" in German, "1.500" in English) could be either, and is refused rather than guessed.
     */
    public static BigDecimal parse(String typed, Locale locale) {
        String text = typed == null ? "" : typed.strip().replaceAll("[\\s\\u00a0\\u202f]", "");
        DecimalFormatSymbols symbols = symbols(locale);
        String group = String.valueOf(symbols.getGroupingSeparator());
        String decimal = String.valueOf(symbols.getDecimalSeparator());
        String original = typed == null ? "" : typed.strip();
        if (!text.matches("\\d[\\d.,]*")) {
            throw new Unreadable("amount.number", original);
        }
        int lastDot = text.lastIndexOf('.');
        int lastComma = text.lastIndexOf(',');
        if (lastDot < 0 && lastComma < 0) {
            return new BigDecimal(text);
        }
        if (lastDot >= 0 && lastComma >= 0) {
            // both: the locale's grouping before, its decimal separator last
            int split = text.lastIndexOf(decimal);
            if (split < Math.max(lastDot, lastComma)) {
                throw new Unreadable("amount.number", original);
            }
            return whole(text.substring(0, split), group, original).add(fraction(text.substring(split + 1), original));
        }
        String separator = lastDot >= 0 ? "." : ",";
        int at = text.lastIndexOf(separator);
        String after = text.substring(at + 1);
        if (text.indexOf(separator) != at) {
            // several: only grouping can repeat
            if (!separator.equals(group)) {
                throw new Unreadable("amount.number", original);
            }
            return whole(text, group, original);
        }
        if (after.length() == 1 || after.length() == 2) {
            return new BigDecimal(text.substring(0, at) + "." + after);
        }
        if (after.length() == 3 && separator.equals(group)) {
            return whole(text, group, original);
        }
        if (after.length() == 3) {
            String head = text.substring(0, at);
            throw new Unreadable("amount.ambiguous", original, head + after,
                    format(new BigDecimal(head + "." + after), null, locale));
        }
        throw new Unreadable("amount.number", original);
    }

    /** Digits grouped by threes ("1.500.000"), or plain digits. */
    private static BigDecimal whole(String text, String group, String original) {
        if (text.contains(group) && !text.matches("\\d{1,3}(" + Pattern.quote(group) + "\\d{3})+")) {
            throw new Unreadable("amount.number", original);
        }
        String digits = text.replace(group, "");
        if (!DIGITS.matcher(digits).matches()) {
            throw new Unreadable("amount.number", original);
        }
        return new BigDecimal(digits);
    }

    private static BigDecimal fraction(String digits, String original) {
        if (!DIGITS.matcher(digits).matches()) {
            throw new Unreadable("amount.number", original);
        }
        return new BigDecimal("0." + digits);
    }

    private static DecimalFormatSymbols symbols(Locale locale) {
        return DecimalFormatSymbols.getInstance("de".equals(locale.getLanguage()) ? Locale.GERMAN : Locale.ENGLISH);
    }
}
