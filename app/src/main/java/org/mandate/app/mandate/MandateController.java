package org.mandate.app.mandate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.mandate.app.problem.AppRefusals;
import org.mandate.domain.Money;
import org.mandate.domain.mandate.GrantMandate;
import org.mandate.domain.mandate.MandateId;
import org.mandate.projections.delegation.DelegationsRegister;
import org.mandate.projections.delegation.MandateView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Standing mandates of the caller: those they granted, hold, or whose authority they carry. */
@RestController
@RequestMapping("/api/mandates")
class MandateController {

    record GrantBody(@NotBlank @Size(max = 64) String to,
                     @NotEmpty(message = "must name at least one category, or '*' for all")
                     List<@NotBlank @Size(max = 64) @Pattern(regexp = "\\*|[\\p{L}\\p{N} _-]+",
                             message = "may contain letters, digits, spaces, '-' and '_' only, or be '*'")
                             String> categories,
                     @NotNull @DecimalMin(value = "0.01", message = "must be greater than zero")
                     @Digits(integer = 10, fraction = 2, message = "must have at most 10 digits and 2 decimals")
                     BigDecimal maxAmount,
                     @NotBlank
                     @Pattern(regexp = Money.CURRENCY_CODE, message = "must be a three-letter ISO code such as EUR")
                     String currency,
                     @NotNull(message = "is needed, e.g. 2026-12-01T00:00:00Z") Instant validFrom,
                     @NotNull(message = "is needed, e.g. 2026-12-15T00:00:00Z") Instant validUntil,
                     @Size(max = GrantMandate.MAX_REASON) String reason,
                     Boolean mayRedelegate,
                     UUID passedOn) {
    }

    private final StandingMandates mandates;
    private final DelegationsRegister register;
    private final Clock clock;

    MandateController(StandingMandates mandates, DelegationsRegister register, Clock clock) {
        this.mandates = mandates;
        this.register = register;
        this.clock = clock;
    }

    @GetMapping
    List<MandateView> mine(Authentication user) {
        return register.involving(user.getName(), clock.instant());
    }

    @PostMapping
    ResponseEntity<MandateView> grant(@Valid @RequestBody GrantBody body, Authentication user) {
        MandateId id = mandates.grant(user.getName(), new StandingMandates.Grant(body.to(), body.categories(),
                body.maxAmount(), body.currency(), body.validFrom(), body.validUntil(), body.reason(),
                Boolean.TRUE.equals(body.mayRedelegate()), body.passedOn()));
        return ResponseEntity.created(URI.create("/api/mandates/" + id)).body(read(id.toString()));
    }

    @DeleteMapping("/{id}")
    MandateView revoke(@PathVariable UUID id, @RequestParam(required = false) String reason, Authentication user) {
        read(id.toString());
        mandates.revoke(id, user.getName(), reason);
        return read(id.toString());
    }

    private MandateView read(String id) {
        return register.view(id, clock.instant()).orElseThrow(() -> AppRefusals.notFound("refusal.mandate.none", id));
    }
}
