package org.mandate.app.reconcile;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** For administrators: do the engine and the event store agree? An empty list of mismatches says they do. */
@RestController
class ReconciliationController {

    private final Reconciler reconciler;

    ReconciliationController(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    @GetMapping("/api/admin/reconciliation")
    @PreAuthorize("hasRole('ADMIN')")
    Reconciler.Report reconcile() {
        return reconciler.reconcile();
    }
}
