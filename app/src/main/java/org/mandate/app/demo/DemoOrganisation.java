package org.mandate.app.demo;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.app.mail.MailPeople;
import org.mandate.app.security.Credentials;
import org.mandate.domain.category.AddCategory;
import org.mandate.domain.committee.AddCommitteeMember;
import org.mandate.domain.committee.CommitteeId;
import org.mandate.domain.committee.FormCommittee;
import org.mandate.domain.committee.SetCommitteeAuthority;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.JoinPerson;
import org.mandate.domain.directory.SetEmail;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.Role;
import org.mandate.projections.category.CategoriesProjection;
import org.mandate.projections.committee.CommitteesProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A school: a principal, two vice principals, two heads of department, teachers, finance, audit, process and IT; each
 * with an address like sofia@school.example; and a budget committee (vera, omar, pat) that may approve up to
 * 100000 EUR.
 */
@Component
@ConditionalOnProperty(name = "mandate.demo", havingValue = "true")
class DemoOrganisation implements ApplicationRunner {

    static final String PASSWORD = "demo";
    /** A reserved domain (RFC 2606 style): demo mail can never reach a real mailbox. */
    static final String MAIL_DOMAIN = "school.example";
    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

    /** One person of the school; docker/keycloak/mandate-realm.json has each as a Keycloak user (KeycloakRealmTest). */
    record Member(String id, String name, String title, String manager, Authority authority, Set<Role> roles) {
    }

    static final List<Member> SCHOOL = List.of(
            new Member("pat", "Pat Okafor", "Principal", null, Authority.upTo(50_000), Set.of()),
            new Member("vera", "Vera Lind", "Vice principal, academics", "pat", Authority.upTo(10_000), Set.of()),
            new Member("omar", "Omar Haddad", "Vice principal, operations", "pat", Authority.upTo(10_000), Set.of()),
            new Member("sofia", "Sofia Reyes", "Head of science", "vera", Authority.upTo(2_000), Set.of()),
            new Member("liam", "Liam Chen", "Head of arts", "vera", Authority.upTo(2_000), Set.of()),
            new Member("ana", "Ana Costa", "Teacher", "sofia", Authority.none(), Set.of()),
            new Member("ben", "Ben Adeyemi", "Teacher", "liam", Authority.none(), Set.of()),
            new Member("fay", "Fay Morgan", "Finance officer", "omar", Authority.none(), Set.of(Role.FINANCE)),
            new Member("ada", "Ada Quinn", "Auditor", null, Authority.none(), Set.of(Role.AUDITOR)),
            new Member("olu", "Olu Mensah", "Process owner", null, Authority.none(), Set.of(Role.PROCESS_OWNER)),
            new Member("ivy", "Ivy Park", "IT administrator", null, Authority.none(), Set.of(Role.ADMIN)),
            // the second administrator: an erasure is asked for by one and approved by another (docs/privacy.md)
            new Member("max", "Max Weber", "IT administrator", null, Authority.none(), Set.of(Role.ADMIN)));

    /** The school's categories (issue 25): what its requests, the demo story and its tests are filed under. */
    static final Map<String, String> CATEGORIES = Map.ofEntries(
            Map.entry("art", "Art"), Map.entry("building", "Building works"), Map.entry("curriculum", "Curriculum"),
            Map.entry("equipment", "Equipment"), Map.entry("events", "Events"), Map.entry("facilities", "Facilities"),
            Map.entry("field-trip", "Field trips"), Map.entry("furniture", "Furniture"), Map.entry("garden", "Garden"),
            Map.entry("library", "Library"), Map.entry("music", "Music"), Map.entry("sports", "Sports"),
            Map.entry("supplies", "Supplies"), Map.entry("training", "Training"), Map.entry("transport", "Transport"),
            Map.entry("trip", "Trips and visits"));

    static final CommitteeId BUDGET_COMMITTEE = CommitteeId.of("budget-committee");
    static final List<String> BUDGET_COMMITTEE_MEMBERS = List.of("vera", "omar", "pat");

    private final CommandGateway commands;
    private final Directory directory;
    private final Credentials credentials;
    private final MailPeople mail;
    private final CommitteesProjection committees;
    private final CategoriesProjection categories;

    DemoOrganisation(CommandGateway commands, Directory directory, Credentials credentials, MailPeople mail,
                     CommitteesProjection committees, CategoriesProjection categories) {
        this.commands = commands;
        this.categories = categories;
        this.committees = committees;
        this.directory = directory;
        this.credentials = credentials;
        this.mail = mail;
    }

    @Override
    public void run(ApplicationArguments args) {
        schoolCategories();
        int added = 0;
        for (Member member : SCHOOL) {
            PersonId id = PersonId.of(member.id());
            if (directory.find(id).isEmpty()) {
                commands.sendAndWait(new JoinPerson(id, member.name(), member.title(),
                        member.manager() == null ? null : PersonId.of(member.manager()), member.roles(),
                        member.authority()));
                added++;
            }
            // addresses came later than the school: a demo database from before gets them on its next start
            if (mail.address(member.id()).isEmpty() && directory.find(id).filter(p -> p.active()).isPresent()) {
                commands.sendAndWait(new SetEmail(id, member.id() + "@" + MAIL_DOMAIN, null));
            }
            if (!credentials.exists(member.id())) {
                credentials.set(member.id(), PASSWORD);
            }
        }
        if (added > 0) {
            log.info("Loaded the demo school: {} people, password '{}'", added, PASSWORD);
        }
        budgetCommittee();
    }

    /**
     * Categories came later than the school: a demo database from before gets the missing ones on its next start.
     * One an admin retired stays retired (it is still on the list).
     */
    private void schoolCategories() {
        var list = categories.list();
        CATEGORIES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(category -> list.find(category.getKey()).isEmpty())
                .forEach(category -> commands.sendAndWait(new AddCategory(category.getKey(), category.getValue(),
                        null)));
    }

    /**
     * Committees came later than the school: a demo database from before gets it on its next start, unless it was
     * formed once already (and perhaps dissolved on purpose) or its name is taken.
     */
    private void budgetCommittee() {
        if (committees.find(BUDGET_COMMITTEE.value()).isPresent() || committees.named("Budget committee").isPresent()) {
            return;
        }
        PersonId ivy = PersonId.of("ivy");
        commands.sendAndWait(new FormCommittee(BUDGET_COMMITTEE, "Budget committee", ivy));
        for (String member : BUDGET_COMMITTEE_MEMBERS) {
            if (directory.find(PersonId.of(member)).filter(p -> p.active()).isPresent()) {
                commands.sendAndWait(new AddCommitteeMember(BUDGET_COMMITTEE, PersonId.of(member), ivy));
            }
        }
        if (!committees.find(BUDGET_COMMITTEE.value()).orElseThrow().members().isEmpty()) {
            commands.sendAndWait(new SetCommitteeAuthority(BUDGET_COMMITTEE, Authority.upTo(100_000), "EUR", ivy));
        }
    }
}
