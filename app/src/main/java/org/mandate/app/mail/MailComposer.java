package org.mandate.app.mail;

import org.springframework.context.MessageSource;
import org.mandate.app.web.People;
import org.mandate.domain.request.Outcome;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Writes one mail (plain text and HTML, from templates/mail/notices.*) for one person's notices, in their language
 * and zone ({@link MailVoice}): a single notice at once, or a digest. Decide links are made at this moment, for steps still with this person.
 */
class MailComposer {

    /** One mail, ready to send. */
    record Mail(String subject, String text, String html) {
    }

    /** What the templates show of one notice. */
    public record Item(String headline, String title, String requester, String amount, String due, String reason,
                       String openUrl, String approveUrl, String rejectUrl) {
    }

    private final TemplateEngine templates;
    private final MailNotices notices;
    private final ActionLinks links;
    private final People people;
    private final MailVoice voices;
    private final MailSettings settings;
    private final String publicUrl;
    private final Clock clock;

    MailComposer(MailNotices notices, ActionLinks links, People people, MailVoice voices, MailSettings settings,
                 String publicUrl, Clock clock, MessageSource messages) {
        this.notices = notices;
        this.links = links;
        this.people = people;
        this.voices = voices;
        this.settings = settings;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.clock = clock;
        SpringTemplateEngine engine = new SpringTemplateEngine();
        // the templates' words come from the mail bundle, in the recipient's language (docs/pages.md)
        engine.setTemplateEngineMessageSource(messages);
        engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 1));
        engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 2));
        this.templates = engine;
    }

    Mail compose(String recipient, List<MailNotices.Notice> batch, boolean digest) {
        MailVoice.Voice voice = voices.of(recipient);
        List<Item> items = batch.stream().map(notice -> item(recipient, voice, notice)).toList();
        // a notice's headline and reason were written in the recipient's language when it was queued
        String subject = digest ? voice.text("mail.digest.subject", batch.size()) : batch.get(0).headline();
        Context context = new Context(voice.locale());
        context.setVariable("subject", subject);
        context.setVariable("name", people.name(recipient));
        context.setVariable("intro", voice.text(digest ? "mail.digest.intro" : intro(batch.get(0))));
        context.setVariable("items", items);
        context.setVariable("settingsUrl", publicUrl + "/settings/notifications");
        return new Mail(subject, templates.process("notices.txt", context), templates.process("notices.html", context));
    }

    private Item item(String recipient, MailVoice.Voice voice, MailNotices.Notice notice) {
        MailNotices.RequestFacts request = notice.requestId() == null ? null : notices.request(notice.requestId());
        String openUrl = notice.requestId() == null ? publicUrl + "/mandates"
                : publicUrl + "/requests/" + notice.requestId();
        String approve = null;
        String reject = null;
        // a voter's seat counts like a held step: a mandate holder's notice names the voter in on_behalf_of
        MailNotices.DueStep step = notice.stepId() == null ? null
                : notices.openFor(notice.stepId(), MailNotices.heldBy(notice));
        if (step != null && !notice.overseeing()) {
            Instant expires = clock.instant().plus(settings.linkValidity());
            approve = link(recipient, step, Outcome.APPROVED, expires);
            reject = link(recipient, step, Outcome.REJECTED, expires);
        }
        String due = notice.dueAt() == null ? null : voice.at(notice.dueAt());
        return new Item(notice.headline(), request == null ? null : request.title(),
                request == null ? null : people.name(request.requester()),
                request == null ? null : voice.amount(request.amount(), request.currency()), due, notice.reason(),
                openUrl, approve, reject);
    }

    private String link(String recipient, MailNotices.DueStep step, Outcome outcome, Instant expires) {
        return publicUrl + "/mail/act/" + links.sign(new ActionLinks.Link(ActionLinks.newId(), recipient,
                step.requestId(), step.stepId(), outcome, expires));
    }

    /** The key of the intro to a single notice. */
    private static String intro(MailNotices.Notice notice) {
        return switch (notice.kind()) {
            // a step notice without a step: the request was withdrawn (an arriving step always names its step)
            case STEP_ARRIVED -> notice.stepId() == null ? "mail.intro.withdrawn" : "mail.intro.arrived";
            case REMINDER -> notice.overseeing() ? "mail.intro.overseeing" : "mail.intro.reminder";
            case REQUEST_DECIDED -> "mail.intro.decided";
            case MANDATE_GRANTED -> "mail.intro.mandate";
            case MENTIONED -> "mail.intro.mentioned";
        };
    }

    private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(order);
        resolver.setCacheable(true);
        return resolver;
    }
}
