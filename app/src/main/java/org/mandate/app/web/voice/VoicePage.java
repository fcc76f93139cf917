package org.mandate.app.web.voice;

import jakarta.servlet.http.HttpServletResponse;
import org.mandate.app.MandateSettings;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.preference.Preferences;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.ZoneId;
import java.util.List;

/** "Language and time zone": the person's choice of both, or none to follow the browser and the organisation. */
@Controller
@RequestMapping("/settings/language")
class VoicePage {

    /** Region zones only (Europe/Berlin), sorted: the ids people recognise. */
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
            .sorted().toList();

    private final VoiceChoices choices;
    private final Messages messages;
    private final ZoneId organisationZone;

    VoicePage(VoiceChoices choices, Messages messages, MandateSettings settings) {
        this.choices = choices;
        this.messages = messages;
        this.organisationZone = settings.zone();
    }

    @GetMapping
    String show(Authentication user, Model model) {
        VoiceChoices.Choice choice = choices.of(user.getName());
        return page(model, choice.language(), choice.zone(), null, null);
    }

    @PostMapping
    String save(@RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") String zone,
                Authentication user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (!language.isBlank() && !Preferences.LANGUAGES.contains(language)) {
            response.setStatus(400);
            return page(model, language, zone, messages.text("voice.language.unknown"), null);
        }
        if (!zone.isBlank() && !ZONES.contains(zone) && !ZoneId.getAvailableZoneIds().contains(zone)) {
            response.setStatus(400);
            return page(model, language, zone, null, messages.text("voice.zone.unknown", zone));
        }
        try {
            choices.choose(user.getName(), language, zone);
        } catch (RuleViolation refused) {
            response.setStatus(400);
            return page(model, language, zone, null, refused.message(Messages.locale()));
        }
        // the redirect is answered in the new language: the resolver reads the choice on the next request
        redirect.addFlashAttribute("confirmationKey", "voice.saved");
        return "redirect:/settings/language";
    }

    private String page(Model model, String language, String zone, String languageError, String zoneError) {
        model.addAttribute("language", language == null ? "" : language);
        model.addAttribute("zone", zone == null ? "" : zone);
        model.addAttribute("zones", ZONES);
        model.addAttribute("organisationZone", organisationZone.getId());
        model.addAttribute("languageError", languageError);
        model.addAttribute("zoneError", zoneError);
        return "settings/language";
    }
}
