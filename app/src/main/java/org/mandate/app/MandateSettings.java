package org.mandate.app;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * The settings at the top of {@code mandate.*} that several features read; a feature's own settings are a record
 * in its package ({@code mandate.mail.*}, {@code mandate.security.*}, ...).
 *
 * @param currency  the organisation's currency: the default of a request's and a mandate's amount
 * @param dataDir   where the embedded database and its files live
 * @param publicUrl the address people reach Mandate at, for links in mail and chat
 * @param zone      the organisation's time zone: times for a person who has chosen none (pages and mail); the
 *                  default of {@code mandate.mail.zone} (digest hours, chat posts)
 */
@ConfigurationProperties("mandate")
public record MandateSettings(String currency, Path dataDir, String publicUrl, ZoneId zone) {

    public MandateSettings {
        zone = zone == null ? ZoneId.of("UTC") : zone;
        currency = currency == null || currency.isBlank() ? "EUR" : currency;
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl;
    }
}
