package org.mandate.app.request.web;

import org.mandate.app.attachment.Attachments;
import org.mandate.app.web.People;
import org.mandate.app.request.RequestReader;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.AuthorityChainPolicy;
import org.mandate.domain.request.EscalationPolicy;
import org.mandate.projections.directory.DirectoryProjection;
import org.mandate.projections.request.RequestView;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything the request page shows, for the first view and for a view again after a refused action, so the
 * person's input and the reason it was refused appear next to the field that caused it.
 */
@Component
class RequestPageModel {

    static final String IN_REVIEW = "IN_REVIEW";
    static final String OPEN = "OPEN";

    private final RequestReader reader;
    private final Timeline timeline;
    private final PathDiagram diagram;
    private final DirectoryProjection directory;
    private final People people;
    private final Attachments attachments;

    RequestPageModel(RequestReader reader, Timeline timeline, PathDiagram diagram, DirectoryProjection directory,
                     People people, Attachments attachments) {
        this.people = people;
        this.attachments = attachments;
        this.reader = reader;
        this.timeline = timeline;
        this.diagram = diagram;
        this.directory = directory;
    }

    /** Fills the model; {@code errors} maps a form field (or "decision", "withdrawal" for the form) to a sentence. */
    void fill(String requestId, Authentication user, Model model, Map<String, String> errors) {
        RequestView request = reader.readableBy(requestId, user);
        String me = user.getName();
        model.addAttribute("request", request);
        model.addAttribute("timeline", timeline.of(requestId).entries());
        RequestView.StepView mine = myOpenStep(request, me).orElse(null);
        model.addAttribute("myStep", mine);
        model.addAttribute("lentStep", openSteps(request).filter(step -> me.equals(step.lentBy())).findFirst()
                .orElse(null));
        boolean holder = mine != null && me.equals(mine.assignee());
        model.addAttribute("colleagues", holder ? colleagues(me, request) : List.of());
        model.addAttribute("escalatesTo", mine == null ? null : EscalationPolicy.target(PersonId.of(mine.assignee()),
                PersonId.of(request.requester()), request.category(), request.amount(), directory)
                .map(Person::name).orElse(null));
        // the comment rule itself (CommentPolicy) decides; the form is offered to those it lets comment in the usual case
        model.addAttribute("canComment", request.involves(me)
                || request.comments().stream().anyMatch(comment -> comment.author().equals(me)));
        // as for comments, AttachmentPolicy decides; the form is offered to those it lets attach in the usual case
        model.addAttribute("canAttach", request.involves(me)
                || request.attachments().stream().anyMatch(attachment -> attachment.by().equals(me)));
        model.addAttribute("currentAttachments", request.attachments().stream()
                .filter(attachment -> attachment.supersededBy() == null).toList());
        model.addAttribute("attachmentTypes", attachments.accepted());
        model.addAttribute("attachmentMax", Attachments.inWords(attachments.maxSize()));
        model.addAttribute("myStepWaits", mine != null && request.waits(mine.id()));
        model.addAttribute("canAnswer", request.requester().equals(me) && request.waitingOn().isPresent());
        List<RequestView.Question> newestFirst = new java.util.ArrayList<>(request.questions());
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("questionsNewestFirst", newestFirst);
        model.addAttribute("canWithdraw", request.requester().equals(me) && IN_REVIEW.equals(request.status()));
        Map<String, String> active = diagram.activeElements(requestId);
        Map<String, String> held = new java.util.TreeMap<>();
        active.forEach((element, person) -> held.put(element, people.name(person)));
        // a step sent back stays open with its holder; the path's step list says it waits, and for whom
        request.waitingOn().flatMap(question -> diagram.elementOf(question.stepId())).ifPresent(element ->
                held.computeIfPresent(element, (id, holders) -> holders + " (sent back: waiting for "
                        + people.name(request.requester()) + "’s answer, its time limit paused)"));
        model.addAttribute("activeElements", String.join(",", active.keySet()));
        model.addAttribute("activeHolders", held.entrySet().stream()
                .map(step -> step.getKey() + "=" + step.getValue()).collect(Collectors.joining("\n")));
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("decision")) {
            model.addAttribute("decision", new DecisionForm());
        }
    }

    /**
     * Who a step can be lent to: active colleagues whose decision would count (not the requester nor anyone in
     * their team, by the same rule the lending obeys), leaving out those whose role is oversight, not deciding
     * (auditors, administrators, process owners without authority of their own).
     */
    private List<Person> colleagues(String me, RequestView request) {
        AuthorityChainPolicy chains = new AuthorityChainPolicy(directory);
        PersonId requester = PersonId.of(request.requester());
        return directory.everyone().stream().filter(Person::active)
                .filter(person -> !person.id().value().equals(me))
                .filter(person -> !person.oversightOnly())
                .filter(person -> chains.objectionToLending(requester, PersonId.of(me), person.id()).isEmpty())
                .toList();
    }

    static Stream<RequestView.StepView> openSteps(RequestView request) {
        return request.steps().stream().filter(step -> OPEN.equals(step.status()));
    }

    /** The open step this person holds, if any: the one they may decide now. */
    static Optional<RequestView.StepView> myOpenStep(RequestView request, String me) {
        return openSteps(request)
                .filter(step -> step.assignee().equals(me) || step.holders().contains(me))
                .findFirst();
    }
}
