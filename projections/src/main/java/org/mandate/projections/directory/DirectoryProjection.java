package org.mandate.projections.directory;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.AuthoritySet;
import org.mandate.domain.directory.ManagerChanged;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.PersonJoined;
import org.mandate.domain.directory.PersonLeft;
import org.mandate.domain.directory.Role;
import org.mandate.domain.directory.RolesSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The people the rules talk about. Subscribing (see application.yaml): routing must see a person the moment
 * the command that added them commits.
 * <p>
 * Within one transaction a person is read from the database once: one approval's commands asked for the same
 * few people about 18 times (the submission's check and the engine's routing of the same step, the decision's
 * authority chain, the pages' reading rights). A person and their authority are one query. The people read are kept
 * for the transaction only, and forgotten as soon as it changes the directory itself, so a cache never outlives
 * what it was read in: it is right on every node without telling the others anything. (A cache across
 * transactions would save about ten statements per approval, but every writer of these tables, an erasure's
 * sweep included, would have to invalidate it on every node; one missed would let a lowered authority approve.)
 */
@ProcessingGroup(DirectoryProjection.NAME)
public class DirectoryProjection implements Directory {

    public static final String NAME = "directory";

    private final JdbcTemplate jdbc;

    public DirectoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PersonJoined event) {
        forget();
        jdbc.update("delete from directory_authority where person_id = ?", event.personId().value());
        jdbc.update("delete from directory_person where id = ?", event.personId().value());
        jdbc.update("insert into directory_person (id, name, title, manager_id, roles, active) values (?, ?, ?, ?, ?, ?)",
                event.personId().value(), event.name(), event.title(),
                event.manager() == null ? null : event.manager().value(),
                event.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")), true);
        insertAuthority(event.personId(), event.authority());
    }

    @EventHandler
    void on(AuthoritySet event) {
        forget();
        jdbc.update("delete from directory_authority where person_id = ?", event.personId().value());
        insertAuthority(event.personId(), event.authority());
    }

    @EventHandler
    void on(RolesSet event) {
        forget();
        jdbc.update("update directory_person set roles = ? where id = ?",
                event.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")),
                event.personId().value());
    }

    @EventHandler
    void on(ManagerChanged event) {
        forget();
        jdbc.update("update directory_person set manager_id = ? where id = ?",
                event.manager() == null ? null : event.manager().value(), event.personId().value());
    }

    /** A leaver stays in the directory, inactive: their name still explains their past decisions, and login stops. */
    @EventHandler
    void on(PersonLeft event) {
        forget();
        jdbc.update("update directory_person set active = ? where id = ?", false, event.personId().value());
    }

    private void insertAuthority(PersonId person, Authority authority) {
        authority.limits().forEach((category, amount) -> jdbc.update(
                "insert into directory_authority (person_id, category, max_amount) values (?, ?, ?)",
                person.value(), category, amount));
    }

    @ResetHandler
    void reset() {
        forget();
        jdbc.update("delete from directory_authority");
        jdbc.update("delete from directory_person");
    }

    @Override
    public Optional<Person> find(PersonId id) {
        Map<String, Optional<Person>> read = readInThisTransaction();
        if (read == null) {
            return read(id);
        }
        Optional<Person> known = read.get(id.value());
        if (known == null) {
            known = read(id);
            read.put(id.value(), known);
        }
        return known;
    }

    private Optional<Person> read(PersonId id) {
        return people("where p.id = ?", id.value()).stream().findFirst();
    }

    private static final String READ = DirectoryProjection.class.getName() + "#read";

    /** The people this transaction has read so far, by id; null outside a transaction (nothing is kept). */
    @SuppressWarnings("unchecked")
    private static Map<String, Optional<Person>> readInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, Optional<Person>> read = (Map<String, Optional<Person>>) TransactionSynchronizationManager
                .getResource(READ);
        if (read == null) {
            Map<String, Optional<Person>> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(READ, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(READ);
                }
            });
            read = fresh;
        }
        return read;
    }

    /** This transaction changes the directory: what it read before no longer holds. */
    private static void forget() {
        Object read = TransactionSynchronizationManager.getResource(READ);
        if (read instanceof Map<?, ?> people) {
            people.clear();
        }
    }

    @Override
    public List<Person> withRole(Role role) {
        return people("where p.roles like ?", "%" + role.name() + "%")
                .stream().filter(person -> person.has(role)).toList();
    }

    @Override
    public List<Person> reportingTo(PersonId manager) {
        return people("where p.manager_id = ?", manager.value());
    }

    public List<Person> everyone() {
        return people("");
    }

    /**
     * People with their authority, in one query: each person's rows (one per category of authority, or one with no
     * category) come together, ordered by id. It was a query for the people and one per person for the authority.
     */
    private List<Person> people(String where, Object... arguments) {
        Map<String, Person> people = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> limits = new HashMap<>();
        jdbc.query("select p.id, p.name, p.manager_id, p.roles, p.active, a.category, a.max_amount "
                + "from directory_person p left join directory_authority a on a.person_id = p.id " + where
                + " order by p.id", (RowCallbackHandler) row -> {
                    String id = row.getString("id");
                    people.computeIfAbsent(id, known -> person(row));
                    Map<String, BigDecimal> their = limits.computeIfAbsent(id, known -> new HashMap<>());
                    String category = row.getString("category");
                    if (category != null) {
                        their.put(category, row.getBigDecimal("max_amount"));
                    }
                }, arguments);
        return people.values().stream().map(person -> new Person(person.id(), person.name(), person.manager(),
                person.roles(), new Authority(limits.get(person.id().value())), person.active())).toList();
    }

    /** Everyone's display name by id, in one query: pages name many people at once. */
    public Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        jdbc.query("select id, name from directory_person", row -> {
            names.put(row.getString("id"), row.getString("name"));
        });
        return names;
    }

    public boolean isEmpty() {
        Integer count = jdbc.queryForObject("select count(*) from directory_person", Integer.class);
        return count == null || count == 0;
    }

    private static Person person(ResultSet row) {
        try {
            String manager = row.getString("manager_id");
            String roles = row.getString("roles");
            Set<Role> roleSet = roles.isEmpty() ? Set.of()
                    : Arrays.stream(roles.split(",")).map(Role::valueOf).collect(Collectors.toSet());
            return new Person(PersonId.of(row.getString("id")), row.getString("name"),
                    manager == null ? null : PersonId.of(manager), roleSet, Authority.none(), row.getBoolean("active"));
        } catch (SQLException e) {
            throw new IllegalStateException("unreadable directory row", e);
        }
    }
}
