package org.mandate.app.outage;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import javax.sql.DataSource;

/**
 * Spring's JDBC transaction manager, except that a commit failing because the connection or the disk failed says
 * so ({@link CommitOutcomeUnknown}) instead of looking like any other failure. Only then is the outcome unknown: a
 * failure before the commit, or one the database reports at commit (a constraint, a serialization failure), means
 * the database rolled the transaction back, and "nothing was changed" is the truth.
 */
class CommitAwareTransactionManager extends JdbcTransactionManager {

    CommitAwareTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        try {
            super.doCommit(status);
        } catch (RuntimeException failure) {
            if (Faults.databaseUnreachable(failure)) {
                throw new CommitOutcomeUnknown(failure);
            }
            throw failure;
        }
    }
}
