package org.mandate.app.admin;

import org.mandate.app.problem.AppRefusals;
import org.mandate.app.web.voice.Amounts;
import org.mandate.app.web.voice.Messages;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mandate.app.people.Departures;
import org.mandate.app.people.Staff;
import org.mandate.app.privacy.DataExport;
import org.mandate.app.privacy.Erasures;
import org.mandate.app.mail.MailPeople;
import org.mandate.app.problem.Refusal;
import org.mandate.app.reconcile.Reconciler;
import org.mandate.app.web.Page;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.Role;
import org.mandate.projections.directory.DirectoryProjection;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The administrator's console: the directory (search, roles, manager), departures with a preview of what will move
 * where before anything is recorded, a leaver's personal data (export, erasure with four eyes), and the
 * reconciliation report. Every change goes through the application services the API uses ({@link Staff},
 * {@link Departures}, {@link Erasures}).
 */
@Controller
@Page
@PreAuthorize("hasRole('ADMIN')")
class AdminPages {

    private static final Pattern USER_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final int MIN_PASSWORD = 12;

    private final DirectoryProjection directory;
    private final Staff staff;
    private final Departures departures;
    private final Reconciler reconciler;
    private final MailPeople mail;
    private final Erasures erasures;
    private final DataExport export;
    private final ObjectMapper json;

    AdminPages(DirectoryProjection directory, Staff staff, Departures departures, Reconciler reconciler,
               MailPeople mail, Erasures erasures, DataExport export, ObjectMapper json) {
        this.directory = directory;
        this.staff = staff;
        this.departures = departures;
        this.reconciler = reconciler;
        this.mail = mail;
        this.erasures = erasures;
        this.export = export;
        this.json = json;
    }

    @GetMapping("/admin")
    String people(@RequestParam(required = false) String q, Model model) {
        String words = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<Person> everyone = directory.everyone().stream()
                .filter(person -> words.isEmpty() || person.id().value().toLowerCase(Locale.ROOT).contains(words)
                        || person.name().toLowerCase(Locale.ROOT).contains(words))
                .toList();
        model.addAttribute("q", q);
        model.addAttribute("people", everyone);
        model.addAttribute("managers", directory.everyone().stream().filter(Person::active).toList());
        return "admin/people";
    }

    @GetMapping("/admin/people/{id}")
    String person(@PathVariable String id, Model model) {
        Person person = existing(id);
        model.addAttribute("person", person);
        model.addAttribute("reports", directory.reportingTo(person.id()));
        model.addAttribute("roles", Role.values());
        if (!model.containsAttribute("email")) {
            model.addAttribute("email", mail.address(person.id().value()).orElse(""));
        }
        model.addAttribute("candidates", directory.everyone().stream().filter(Person::active)
                .filter(other -> !other.id().equals(person.id())).toList());
        if (!person.active()) {
            model.addAttribute("erasure", erasures.status(id));
        }
        return "admin/person";
    }

    /**
     * Subject access from the page: everything held about someone who has left, as a JSON file; recorded like the
     * API's export (docs/privacy.md).
     */
    @PostMapping("/admin/people/{id}/data-export")
    ResponseEntity<byte[]> dataExport(@PathVariable String id, Authentication user) throws IOException {
        Person person = existing(id);
        byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(export.export(person.id().value(),
                user.getName()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("mandate-data-" + person.id().value() + ".json").build().toString())
                .body(body);
    }

    /** The first administrator asks, with the ground for it; nothing is erased until another one approves. */
    @PostMapping("/admin/people/{id}/erasure")
    String requestErasure(@PathVariable String id, @RequestParam(defaultValue = "") String reason,
                          Authentication user, Model model, HttpServletResponse response,
                          RedirectAttributes redirect) {
        Person person = existing(id);
        try {
            erasures.request(id, reason, user.getName());
        } catch (RuntimeException refused) {
            return erasureRefused(id, refused, reason, model, response);
        }
        redirect.addFlashAttribute("confirmation", Messages.of("admin.done.erasureAsked", person.name()));
        return "redirect:/admin/people/" + id;
    }

    @PostMapping("/admin/people/{id}/erasure/approval")
    String approveErasure(@PathVariable String id, Authentication user, Model model, HttpServletResponse response,
                          RedirectAttributes redirect) {
        existing(id);
        try {
            erasures.approve(id, user.getName());
        } catch (RuntimeException refused) {
            return erasureRefused(id, refused, null, model, response);
        }
        redirect.addFlashAttribute("confirmation", Messages.of("admin.done.erased"));
        return "redirect:/admin/people/" + id;
    }

    private String erasureRefused(String id, RuntimeException refused, String reason, Model model,
                                  HttpServletResponse response) {
        Refusal refusal = Refusal.of(refused);
        response.setStatus(refusal.status().value());
        model.addAttribute("erasureError", refusal.message());
        model.addAttribute("reason", reason);
        return person(id, model);
    }

    @PostMapping("/admin/people/{id}/roles")
    String roles(@PathVariable String id, @RequestParam(name = "role", required = false) List<String> chosen,
                 Authentication user, RedirectAttributes redirect) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : chosen == null ? List.<String>of() : chosen) {
            try {
                roles.add(Role.valueOf(role));
            } catch (IllegalArgumentException unknown) {
                throw AppRefusals.invalid("refusal.admin.notARole", role);
            }
        }
        Person person = existing(id);
        staff.setRoles(person.id().value(), roles, user.getName());
        redirect.addFlashAttribute("confirmation", Messages.of("admin.done.roles", person.name()));
        return "redirect:/admin/people/" + id;
    }

    /** Adds someone to the directory with no authority and no roles beyond staff, and their first password. */
    @PostMapping("/admin/people")
    String join(@RequestParam(defaultValue = "") String userName, @RequestParam(defaultValue = "") String name,
                @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String manager,
                @RequestParam(defaultValue = "") String password, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        String id = userName.strip().toLowerCase(Locale.ROOT);
        String problem = null;
        if (!USER_NAME.matcher(id).matches()) {
            problem = Messages.of("admin.join.badUserName");
        } else if (directory.find(PersonId.of(id)).isPresent()) {
            problem = Messages.of("admin.join.taken", id);
        } else if (name.isBlank()) {
            problem = Messages.of("admin.join.noName");
        } else if (password.length() < MIN_PASSWORD) {
            problem = Messages.of("admin.join.shortPassword", String.valueOf(MIN_PASSWORD));
        }
        if (problem == null) {
            try {
                staff.join(id, name, title, manager, password);
                redirect.addFlashAttribute("confirmation", Messages.of("admin.done.joined", name.strip()));
                return "redirect:/admin/people/" + id;
            } catch (RuntimeException refused) {
                problem = Refusal.of(refused).message();
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("joinError", problem);
        model.addAttribute("joining", Map.of("userName", userName, "name", name, "title", title, "manager", manager));
        return people(null, model);
    }

    /** Replaces the person's limits with the rows of the form; an empty row is ignored, a half-filled one refused. */
    @PostMapping("/admin/people/{id}/authority")
    String authority(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model,
                     HttpServletResponse response, RedirectAttributes redirect) {
        Person person = existing(id);
        Map<String, BigDecimal> read = new TreeMap<>();
        String problem = null;
        // the raw values: bound to a List<String>, "1,500" would be split at its comma into two rows
        List<String> names = form.getOrDefault("category", List.of());
        List<String> amounts = form.getOrDefault("limit", List.of());
        for (int row = 0; row < Math.max(names.size(), amounts.size()) && problem == null; row++) {
            String category = row < names.size() ? names.get(row).strip().toLowerCase(Locale.ROOT) : "";
            String amount = row < amounts.size() ? amounts.get(row).strip() : "";
            if (category.isEmpty() && amount.isEmpty()) {
                continue;
            }
            if (category.isEmpty() || amount.isEmpty()) {
                problem = Messages.of("admin.limits.half", row + 1);
            } else if (limit(amount) == null) {
                problem = Messages.of("admin.limits.notAmount", amount, row + 1);
            } else if (read.put(category, limit(amount)) != null) {
                problem = Messages.of("admin.limits.twice", category);
            }
        }
        if (problem == null) {
            try {
                staff.setLimits(id, read);
                redirect.addFlashAttribute("confirmation", Messages.of("admin.done.limits", person.name()));
                return "redirect:/admin/people/" + id;
            } catch (RuleViolation refused) {
                problem = refused.message(Messages.locale());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("authorityError", problem);
        return person(id, model);
    }

    @PostMapping("/admin/people/{id}/manager")
    String manager(@PathVariable String id, @RequestParam String manager, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        Person person = existing(id);
        try {
            staff.changeManager(id, manager);
        } catch (RuntimeException refused) {
            Refusal refusal = Refusal.of(refused);
            response.setStatus(refusal.status().value());
            model.addAttribute("managerError", refusal.message());
            return person(id, model);
        }
        redirect.addFlashAttribute("confirmation", Messages.of("admin.done.manager", person.name(),
                manager == null || manager.isBlank() ? Messages.of("admin.departure.nobodyShort")
                        : existing(manager.strip()).name()));
        return "redirect:/admin/people/" + id;
    }

    /** The address notices go to (docs/notifications.md); a directory change like the others, as an event. */
    @PostMapping("/admin/people/{id}/email")
    String email(@PathVariable String id, @RequestParam(defaultValue = "") String email, Authentication user,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Person person = existing(id);
        try {
            staff.setEmail(id, email, user.getName());
        } catch (RuntimeException refused) {
            Refusal refusal = Refusal.of(refused);
            response.setStatus(refusal.status().value());
            model.addAttribute("email", email);
            model.addAttribute("emailError", refusal.message());
            return person(id, model);
        }
        redirect.addFlashAttribute("confirmation", Messages.of("admin.done.email", person.name(), email.strip()));
        return "redirect:/admin/people/" + id;
    }

    /** What the departure would do; nothing is recorded until the administrator confirms. */
    @GetMapping("/admin/people/{id}/departure")
    String departure(@PathVariable String id, @RequestParam(required = false) String successor, Model model,
                     HttpServletResponse response) {
        Person person = existing(id);
        try {
            model.addAttribute("preview", departures.preview(id, successor));
        } catch (RuleViolation refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("departureError", refused.message(Messages.locale()));
            return person(id, model);
        }
        model.addAttribute("person", person);
        model.addAttribute("successor", successor);
        return "admin/departure";
    }

    @PostMapping("/admin/people/{id}/departure")
    String depart(@PathVariable String id, @RequestParam(required = false) String successor, Authentication user,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Person person = existing(id);
        try {
            departures.record(id, successor, user.getName());
        } catch (RuntimeException refused) {
            // shown on the preview again, which now says why (a step taken or opened since the preview, say)
            Refusal refusal = Refusal.of(refused);
            String why = refusal.message();
            String page = departure(id, successor, model, response);
            response.setStatus(refusal.status().value());
            model.addAttribute("departureError", why);
            return page;
        }
        redirect.addFlashAttribute("confirmation", Messages.of("admin.done.departure", person.name()));
        return "redirect:/admin/people/" + id;
    }

    @GetMapping("/admin/reconciliation")
    String reconciliation(Model model) {
        model.addAttribute("report", reconciler.reconcile());
        return "admin/reconciliation";
    }

    private Person existing(String id) {
        return directory.find(PersonId.of(id)).orElseThrow(() -> AppRefusals.notFound("refusal.admin.nobody", id));
    }

    /** A limit as typed in the page's language (1.500,50 in German), or null if it is none. */
    private static BigDecimal limit(String typed) {
        try {
            BigDecimal amount = Amounts.parse(typed);
            return amount.stripTrailingZeros().scale() > 2 || amount.compareTo(new BigDecimal("1e12")) >= 0 ? null
                    : amount;
        } catch (Amounts.Unreadable notAnAmount) {
            return null;
        }
    }
}
