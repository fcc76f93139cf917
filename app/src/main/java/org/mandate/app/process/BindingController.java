package org.mandate.app.process;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.mandate.domain.directory.PersonId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/**
 * Which path requests take: anyone logged in may see it (a requester can tell which path their request will go
 * on); only process owners bind and unbind.
 */
@RestController
@RequestMapping("/api/processes/bindings")
class BindingController {

    record BindingBody(@NotBlank @Size(max = 64) String processKey,
                       @Size(max = 64) String category,
                       @DecimalMin(value = "0", message = "must not be negative")
                       @Digits(integer = 10, fraction = 2, message = "must have at most 10 digits and 2 decimals")
                       BigDecimal minAmount,
                       @DecimalMin(value = "0", message = "must not be negative")
                       @Digits(integer = 10, fraction = 2, message = "must have at most 10 digits and 2 decimals")
                       BigDecimal maxAmount) {
    }

    private final Bindings bindings;

    BindingController(Bindings bindings) {
        this.bindings = bindings;
    }

    @GetMapping
    List<Bindings.BindingView> list() {
        return bindings.list();
    }

    @PostMapping
    @PreAuthorize("hasRole('PROCESS_OWNER')")
    ResponseEntity<List<Bindings.BindingView>> bind(@Valid @RequestBody BindingBody body, Authentication user) {
        bindings.bind(body.processKey(), body.category(), body.minAmount(), body.maxAmount(),
                PersonId.of(user.getName()));
        return ResponseEntity.status(201).body(bindings.list());
    }

    @DeleteMapping
    @PreAuthorize("hasRole('PROCESS_OWNER')")
    ResponseEntity<Void> unbind(@RequestParam(required = false) String category,
                                @RequestParam(required = false) BigDecimal minAmount,
                                @RequestParam(required = false) BigDecimal maxAmount, Authentication user) {
        bindings.unbind(category, minAmount, maxAmount, PersonId.of(user.getName()));
        return ResponseEntity.noContent().build();
    }
}
