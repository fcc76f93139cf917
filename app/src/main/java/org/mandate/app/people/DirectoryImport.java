package org.mandate.app.people;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.app.category.KnownCategories;
import org.mandate.app.mail.MailPeople;
import org.mandate.domain.FreeText;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.category.CategoryList;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.ChangeManager;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.JoinPerson;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.Role;
import org.mandate.domain.directory.SetAuthority;
import org.mandate.domain.directory.SetEmail;
import org.mandate.domain.directory.SetRoles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Directory sync, first step: a file of people (see {@link DirectoryFile}) compared with the directory, person by
 * person. The answer is the difference (who joins, whose manager, roles, authority or address change); applying it
 * sends the directory's own commands, so each change is an event like any other, all in one transaction. A file with
 * any problem is refused whole, every problem listed, and nothing changes. People the file does not name are left
 * as they are (a departure needs its handover, see {@link Departures}); names and titles of people already in the
 * directory are not changed by a file.
 */
@Service
public class DirectoryImport {

    private static final Pattern USER_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern CATEGORY = Pattern.compile("\\*|[\\p{Ll}\\p{Lo}\\p{N} _-]{1,64}");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** One thing wrong with the file: the row (1 is a CSV's header, or a JSON list's first person), whom, what. */
    public record Problem(int row, String id, String problem) {
    }

    public record Joining(String id, String name, String title, String manager, String email, List<String> roles,
                          Map<String, BigDecimal> authority) {
    }

    public record Change<T>(String id, T from, T to) {
    }

    /** What the file changes; with {@code applied} false nothing was recorded (a dry run). */
    public record Diff(boolean applied, int people, int unchanged, List<Joining> join, List<Change<String>> managers,
                       List<Change<List<String>>> roles, List<Change<Map<String, BigDecimal>>> authority,
                       List<Change<String>> emails) {

        public int changes() {
            return join.size() + managers.size() + roles.size() + authority.size() + emails.size();
        }
    }

    /** One person of a file that passed every rule: what they are to be. {@code null}: leave as it is. */
    private record Target(DirectoryFile.Entry entry, PersonId id, Person now, PersonId manager, boolean managerGiven,
                          Set<Role> roles, Authority authority, String email) {
    }

    private final CommandGateway commands;
    private final Directory directory;
    private final MailPeople mail;
    private final TransactionTemplate transaction;
    private final KnownCategories categories;

    DirectoryImport(CommandGateway commands, Directory directory, MailPeople mail,
                    PlatformTransactionManager transactions, KnownCategories categories) {
        this.categories = categories;
        this.commands = commands;
        this.directory = directory;
        this.mail = mail;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The difference the file makes; recorded only when {@code apply}. Refused whole with every problem listed. */
    public Diff run(List<DirectoryFile.Entry> entries, boolean apply, String admin) {
        if (!apply) {
            return diff(check(entries), false);
        }
        return transaction.execute(status -> {
            // checked inside the transaction that records it, against the directory as it is now
            List<Target> now = check(entries);
            Diff diff = diff(now, true);
            record(now, PersonId.of(admin));
            return diff;
        });
    }

    private List<Target> check(List<DirectoryFile.Entry> entries) {
        List<Problem> problems = new ArrayList<>();
        if (entries.isEmpty()) {
            throw RuleViolation.invalid("The file names nobody; send one row per person.");
        }
        Map<String, List<Integer>> rowsOf = new LinkedHashMap<>();
        for (DirectoryFile.Entry entry : entries) {
            rowsOf.computeIfAbsent(id(entry), id -> new ArrayList<>()).add(entry.row());
        }
        rowsOf.forEach((id, rows) -> {
            if (rows.size() > 1 && !id.isEmpty()) {
                problems.add(new Problem(rows.get(1), id, "'" + id + "' appears more than once (rows " + rows
                        + "); give each person one row."));
            }
        });
        List<Target> targets = new ArrayList<>();
        CategoryList known = categories.list();
        for (DirectoryFile.Entry entry : entries) {
            targets.add(target(entry, rowsOf, problems, known));
        }
        loops(targets.stream().filter(Objects::nonNull).toList(), problems);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(Problem::row));
            throw RuleViolation.invalid("The file was refused and nothing changed: " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + " (see problems), the first in row "
                    + problems.get(0).row() + ": " + problems.get(0).problem() + " Correct the file and send it "
                    + "again.").with("problems", problems);
        }
        return targets;
    }

    private Target target(DirectoryFile.Entry entry, Map<String, List<Integer>> inFile, List<Problem> problems,
                          CategoryList known) {
        String id = id(entry);
        int before = problems.size();
        Optional<Person> now = id.isEmpty() ? Optional.empty() : directory.find(PersonId.of(id));
        if (id.isEmpty()) {
            problem(problems, entry, id, "The row has no id; give each person their user name.");
        } else if (now.isEmpty() && !USER_NAME.matcher(id).matches()) {
            problem(problems, entry, id, "'" + id + "' is not a user name: 2 to 64 lower-case letters, digits, dots, "
                    + "dashes or underscores, starting with a letter or digit.");
        } else if (now.isPresent() && !now.get().active()) {
            problem(problems, entry, id, "'" + id + "' has left; a file can no longer change them or bring them "
                    + "back. Leave them out of the file.");
        }
        if (now.isEmpty() && (entry.name() == null || entry.name().isBlank())) {
            problem(problems, entry, id, "'" + id + "' is new to the directory and needs a name.");
        }
        for (String[] field : List.of(new String[]{"name", entry.name()}, new String[]{"title", entry.title()})) {
            if (field[1] != null) {
                if (field[1].length() > 200) {
                    problem(problems, entry, id, "The " + field[0] + " is longer than 200 characters.");
                }
                try {
                    FreeText.check(field[0], field[1]);
                } catch (RuleViolation bad) {
                    problem(problems, entry, id, bad.getMessage());
                }
            }
        }
        PersonId manager = null;
        if (entry.manager() != null && !entry.manager().isEmpty()) {
            String managerId = entry.manager().strip().toLowerCase(Locale.ROOT);
            Optional<Person> managerNow = directory.find(PersonId.of(managerId));
            if (managerId.equals(id)) {
                problem(problems, entry, id, "'" + id + "' cannot be their own manager.");
            } else if (!inFile.containsKey(managerId) && managerNow.isEmpty()) {
                problem(problems, entry, id, "The manager '" + managerId + "' is unknown: nobody in the directory "
                        + "or in the file has that id.");
            } else if (managerNow.isPresent() && !managerNow.get().active()) {
                problem(problems, entry, id, "The manager '" + managerId + "' has left; name someone who still "
                        + "works here.");
            }
            manager = PersonId.of(managerId);
        }
        Set<Role> roles = null;
        if (entry.roles() != null) {
            roles = EnumSet.noneOf(Role.class);
            for (String name : entry.roles()) {
                try {
                    roles.add(Role.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException unknown) {
                    problem(problems, entry, id, "'" + name + "' is not a role; roles are FINANCE, AUDITOR, "
                            + "PROCESS_OWNER and ADMIN (everyone is staff without one).");
                }
            }
        }
        Authority authority = null;
        if (entry.authority() != null) {
            Map<String, BigDecimal> limits = new TreeMap<>();
            entry.authority().forEach((rawCategory, amount) -> {
                String category = rawCategory.strip().toLowerCase(Locale.ROOT);
                if (rawCategory.equals(DirectoryFile.NOT_LIMITS)) {
                    problem(problems, entry, id, "The authority " + amount + " is not a set of limits; give "
                            + "category and amount pairs, like {\"*\": 2000, \"trip\": 500}.");
                } else if (!CATEGORY.matcher(category).matches()) {
                    problem(problems, entry, id, "'" + rawCategory + "' is not a category: up to 64 letters, digits, "
                            + "spaces, dashes or underscores, or * for every category.");
                } else if (amount.equals("twice") || limits.containsKey(category)) {
                    problem(problems, entry, id, "The category '" + category + "' has two limits; give it one.");
                } else if (!category.equals(Authority.ANY) && known.find(category).isEmpty()) {
                    // a limit in a retired category may stay (a re-import repeats it); an unknown one is a typo
                    problem(problems, entry, id, unknown(known, category));
                } else if (!AMOUNT.matcher(amount.replace(",", "")).matches()) {
                    problem(problems, entry, id, "'" + amount + "' is not an amount for '" + category + "'; write "
                            + "it like 2000 or 2000.50 (zero or more, at most two decimals).");
                } else {
                    limits.put(category, new BigDecimal(amount.replace(",", "")));
                }
            });
            authority = new Authority(limits);
        }
        String email = entry.email() == null || entry.email().isBlank() ? null : entry.email().strip();
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            problem(problems, entry, id, "'" + email + "' is not a mail address; give one like name@example.org.");
        }
        if (problems.size() > before) {
            return null;
        }
        return new Target(entry, PersonId.of(id), now.orElse(null), manager, entry.manager() != null, roles,
                authority, email);
    }

    private static String unknown(CategoryList known, String category) {
        try {
            known.requireKnown(category);
            return "";
        } catch (RuleViolation refused) {
            return refused.getMessage();
        }
    }

    /** Reporting lines must stay a tree: each loop the file would make (with the directory) is listed once. */
    private void loops(List<Target> targets, List<Problem> problems) {
        Map<PersonId, Target> byId = new HashMap<>();
        targets.forEach(target -> byId.put(target.id(), target));
        Set<Set<String>> seen = new LinkedHashSet<>();
        for (Target target : targets) {
            List<PersonId> chain = new ArrayList<>(List.of(target.id()));
            PersonId next = managerAfter(target.id(), byId);
            while (next != null && !chain.contains(next) && chain.size() < 10_000) {
                chain.add(next);
                next = managerAfter(next, byId);
            }
            // a loop is listed once, at the first of its people the file names
            if (next != null && next.equals(target.id())
                    && seen.add(new TreeSet<>(chain.stream().map(PersonId::value).toList()))) {
                StringBuilder loop = new StringBuilder();
                chain.forEach(person -> loop.append(person.value()).append(" -> "));
                loop.append(target.id().value());
                problems.add(new Problem(target.entry().row(), target.id().value(), "Reporting loop: " + loop
                        + "; someone in it must report to someone outside it (or to nobody)."));
            }
        }
    }

    private PersonId managerAfter(PersonId id, Map<PersonId, Target> byId) {
        Target target = byId.get(id);
        if (target != null && target.managerGiven()) {
            return target.manager();
        }
        return target != null && target.now() == null ? null
                : directory.find(id).map(Person::manager).orElse(null);
    }

    private Diff diff(List<Target> targets, boolean applied) {
        List<Joining> join = new ArrayList<>();
        List<Change<String>> managers = new ArrayList<>();
        List<Change<List<String>>> roles = new ArrayList<>();
        List<Change<Map<String, BigDecimal>>> authority = new ArrayList<>();
        List<Change<String>> emails = new ArrayList<>();
        int unchanged = 0;
        for (Target target : targets) {
            String id = target.id().value();
            if (target.now() == null) {
                join.add(new Joining(id, target.entry().name().strip(), title(target), value(target.manager()),
                        target.email(), names(target.roles() == null ? Set.of() : target.roles()),
                        (target.authority() == null ? Authority.none() : target.authority()).limits()));
                continue;
            }
            int before = managers.size() + roles.size() + authority.size() + emails.size();
            Person now = target.now();
            if (target.managerGiven() && !Objects.equals(now.manager(), target.manager())) {
                managers.add(new Change<>(id, value(now.manager()), value(target.manager())));
            }
            if (target.roles() != null && !target.roles().equals(now.roles())) {
                roles.add(new Change<>(id, names(now.roles()), names(target.roles())));
            }
            if (target.authority() != null && !same(target.authority(), now.authority())) {
                authority.add(new Change<>(id, new TreeMap<>(now.authority().limits()),
                        new TreeMap<>(target.authority().limits())));
            }
            String address = mail.address(id).orElse(null);
            if (target.email() != null && !target.email().equalsIgnoreCase(String.valueOf(address))) {
                emails.add(new Change<>(id, address, target.email()));
            }
            if (managers.size() + roles.size() + authority.size() + emails.size() == before) {
                unchanged++;
            }
        }
        return new Diff(applied, targets.size(), unchanged, join, managers, roles, authority, emails);
    }

    /**
     * Joins and manager changes nearest the top first, so that every manager is there before their reports join and
     * no intermediate step closes a loop; then roles, authority and addresses.
     */
    private void record(List<Target> targets, PersonId admin) {
        Map<PersonId, Target> byId = new HashMap<>();
        targets.forEach(target -> byId.put(target.id(), target));
        Map<PersonId, Integer> depth = new HashMap<>();
        for (Target target : targets) {
            int levels = 0;
            for (PersonId up = managerAfter(target.id(), byId); up != null && levels < 10_000;
                 up = managerAfter(up, byId)) {
                levels++;
            }
            depth.put(target.id(), levels);
        }
        List<Target> topDown = new ArrayList<>(targets);
        topDown.sort(Comparator.comparingInt(target -> depth.get(target.id())));
        for (Target target : topDown) {
            if (target.now() == null) {
                commands.sendAndWait(new JoinPerson(target.id(), target.entry().name().strip(), title(target),
                        target.manager(), target.roles() == null ? Set.of() : target.roles(),
                        target.authority() == null ? Authority.none() : target.authority()));
            } else if (target.managerGiven() && !Objects.equals(target.now().manager(), target.manager())) {
                commands.sendAndWait(new ChangeManager(target.id(), target.manager()));
            }
        }
        for (Target target : targets) {
            Person now = target.now();
            if (now != null && target.roles() != null && !target.roles().equals(now.roles())) {
                commands.sendAndWait(new SetRoles(target.id(), target.roles(), admin));
            }
            if (now != null && target.authority() != null && !same(target.authority(), now.authority())) {
                commands.sendAndWait(new SetAuthority(target.id(), target.authority()));
            }
            String address = mail.address(target.id().value()).orElse(null);
            if (target.email() != null && !target.email().equalsIgnoreCase(String.valueOf(address))) {
                commands.sendAndWait(new SetEmail(target.id(), target.email(), admin));
            }
        }
    }

    private static boolean same(Authority a, Authority b) {
        if (!a.limits().keySet().equals(b.limits().keySet())) {
            return false;
        }
        return a.limits().entrySet().stream().allMatch(limit -> limit.getValue()
                .compareTo(b.limits().get(limit.getKey())) == 0);
    }

    private static String id(DirectoryFile.Entry entry) {
        return entry.id() == null ? "" : entry.id().strip().toLowerCase(Locale.ROOT);
    }

    private static String title(Target target) {
        return target.entry().title() == null ? "" : target.entry().title().strip();
    }

    private static String value(PersonId id) {
        return id == null ? null : id.value();
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toList();
    }

    private static void problem(List<Problem> problems, DirectoryFile.Entry entry, String id, String problem) {
        problems.add(new Problem(entry.row(), id, problem));
    }
}
