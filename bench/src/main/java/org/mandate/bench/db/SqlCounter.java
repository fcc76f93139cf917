package org.mandate.bench.db;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what a system asks of its database: SQL statements executed (each batched row counts as one) and
 * write commits: commits of a transaction that changed something (an insert, update, delete or DDL statement),
 * including a write run in auto-commit mode, which the database commits on its own. Read-only commits are left
 * out because they cost the database no durable write; they are what Camunda's queries and Spring's read
 * transactions end with. A thin JDBC proxy, so the same count applies to Mandate and to plain Camunda.
 */
public final class SqlCounter {

    private final LongAdder statements = new LongAdder();
    private final LongAdder commits = new LongAdder();
    private final Map<String, LongAdder> commitsByThread = new ConcurrentHashMap<>();
    private volatile boolean counting;

    public record Counts(long statements, long commits) {

        public Counts minus(Counts earlier) {
            return new Counts(statements - earlier.statements, commits - earlier.commits);
        }
    }

    public Counts counts() {
        return new Counts(statements.sum(), commits.sum());
    }

    /**
     * Write commits so far by the kind of thread that made them (its name without the trailing number: a client,
     * an event processor, the engine's job executor), to see where commits beyond one per command come from.
     */
    public Map<String, Long> commitsByThread() {
        Map<String, Long> sorted = new TreeMap<>();
        commitsByThread.forEach((thread, count) -> sorted.put(thread, count.sum()));
        return sorted;
    }

    /**
     * Counts from now on: what runs on a connection taken from the pool after this call. Before it, and after
     * {@link #stop}, a connection is the pool's own with nothing between it and the system: the proxy costs every
     * JDBC call a reflective hop, so only the phase that reports counts (throughput) runs with it; in a rebuild it
     * was a twelfth of the audit trail's thread.
     */
    public void start() {
        counting = true;
    }

    public void stop() {
        counting = false;
    }

    /** The wrapper stays closeable (a pool) so that its owner can still shut it down. */
    public DataSource wrap(DataSource target) {
        Class<?>[] types = target instanceof AutoCloseable
                ? new Class<?>[]{DataSource.class, AutoCloseable.class} : new Class<?>[]{DataSource.class};
        return (DataSource) proxy(types, target, (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection connection && counting ? connection(connection) : result;
        });
    }

    /** Per connection: whether it is in auto-commit mode, and whether its open transaction wrote anything. */
    private static final class State {
        boolean autoCommit;
        boolean wrote;
    }

    private Connection connection(Connection target) throws Exception {
        State state = new State();
        state.autoCommit = target.getAutoCommit();
        return proxy(Connection.class, target, (proxy, method, args) -> {
            switch (method.getName()) {
                case "setAutoCommit" -> {
                    // switching auto-commit on commits the open transaction (JDBC 4.3, Connection#setAutoCommit)
                    if ((Boolean) args[0] && !state.autoCommit) {
                        committed(state);
                    }
                    state.autoCommit = (Boolean) args[0];
                }
                case "commit" -> committed(state);
                case "rollback" -> state.wrote = args != null && args.length > 0 && state.wrote; // to a savepoint
                default -> {
                }
            }
            Object result = invoke(target, method, args);
            if (result instanceof Statement statement) {
                String sql = method.getName().startsWith("prepare") && args != null && args[0] instanceof String text
                        ? text : null;
                return statement(statement, state, sql);
            }
            return result;
        });
    }

    private void committed(State state) {
        if (state.wrote) {
            commits.increment();
            String thread = Thread.currentThread().getName().replaceAll("[-#\\s]*\\d+$", "");
            commitsByThread.computeIfAbsent(thread, name -> new LongAdder()).increment();
        }
        state.wrote = false;
    }

    private Statement statement(Statement target, State state, String preparedSql) {
        Class<? extends Statement> type = target instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                : target instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
        return proxy(type, target, (proxy, method, args) -> {
            String name = method.getName();
            String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
            if (name.equals("addBatch")) {
                statements.increment();
                wrote(state, sql);
            } else if (name.startsWith("execute")) {
                if (!name.equals("executeBatch") && !name.equals("executeLargeBatch")) {
                    statements.increment();
                }
                wrote(state, sql);
            }
            return invoke(target, method, args);
        });
    }

    private void wrote(State state, String sql) {
        if (!writes(sql)) {
            return;
        }
        if (state.autoCommit) {
            commits.increment();
        } else {
            state.wrote = true;
        }
    }

    /** Anything but a query changes the database; an unknown statement is taken to be a write. */
    private static boolean writes(String sql) {
        if (sql == null) {
            return true;
        }
        String head = sql.stripLeading().toLowerCase(java.util.Locale.ROOT);
        return !(head.startsWith("select") || head.startsWith("with") || head.startsWith("values")
                || head.startsWith("show") || head.startsWith("explain"));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
        return (T) proxy(new Class<?>[]{type}, target, handler);
    }

    private static Object proxy(Class<?>[] types, Object target, InvocationHandler handler) {
        return Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), types, (proxy, method, args) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return invoke(target, method, args);
            }
            return handler.invoke(proxy, method, args);
        });
    }
}
