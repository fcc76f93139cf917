package org.mandate.app.mail;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** "1,500.00 EUR", as the pages write amounts. */
final class Amounts {

    private Amounts() {
    }

    static String text(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(amount)
                + (currency == null ? "" : " " + currency);
    }
}
