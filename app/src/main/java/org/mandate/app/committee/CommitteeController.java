package org.mandate.app.committee;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.mandate.projections.committee.CommitteeView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Committees (docs/admin.md, "Committees"): administrators form them, seat and remove members, give them authority
 * and dissolve them; auditors read them too. Each change is an event on the committee.
 */
@RestController
@RequestMapping("/api/committees")
@PreAuthorize("hasRole('ADMIN')")
class CommitteeController {

    record FormBody(@Size(max = 64) String id, @NotBlank @Size(max = 100) String name) {
    }

    record MemberBody(@NotBlank @Size(max = 64) String personId) {
    }

    record AuthorityBody(@NotEmpty(message = "must give at least one category's limit, e.g. {\"*\": 100000}")
                         @Size(max = 50) Map<@NotBlank @Size(max = 64) String,
                                 @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal> limits,
                         @NotBlank @Size(min = 3, max = 3, message = "must be a three-letter ISO code such as EUR")
                         String currency) {
    }

    private final CommitteeAdmin committees;

    CommitteeController(CommitteeAdmin committees) {
        this.committees = committees;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    List<CommitteeView> committees() {
        return committees.all();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    CommitteeView committee(@PathVariable String id) {
        return committees.existing(id);
    }

    @PostMapping
    ResponseEntity<CommitteeView> formCommittee(@Valid @RequestBody FormBody body, Authentication admin) {
        CommitteeView formed = committees.form(body.id(), body.name(), admin.getName());
        return ResponseEntity.created(URI.create("/api/committees/" + formed.id())).body(formed);
    }

    @PostMapping("/{id}/members")
    CommitteeView addCommitteeMember(@PathVariable String id, @Valid @RequestBody MemberBody body,
                                     Authentication admin) {
        return committees.add(id, body.personId(), admin.getName());
    }

    @DeleteMapping("/{id}/members/{personId}")
    CommitteeView removeCommitteeMember(@PathVariable String id, @PathVariable String personId,
                                        Authentication admin) {
        return committees.remove(id, personId, admin.getName());
    }

    @PutMapping("/{id}/authority")
    CommitteeView setCommitteeAuthority(@PathVariable String id, @Valid @RequestBody AuthorityBody body,
                                        Authentication admin) {
        return committees.authority(id, body.limits(), body.currency(), admin.getName());
    }

    @PostMapping("/{id}/dissolution")
    CommitteeView dissolveCommittee(@PathVariable String id, Authentication admin) {
        return committees.dissolve(id, admin.getName());
    }
}
