package org.mandate.app.request.web;

/** What the decision form sends: APPROVED or REJECTED, and the reason. */
public class DecisionForm {

    private String outcome;
    private String rationale;

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getRationale() {
        return rationale;
    }

    public void setRationale(String rationale) {
        this.rationale = rationale;
    }
}
