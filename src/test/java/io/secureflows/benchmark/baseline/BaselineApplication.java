package io.secureflows.benchmark.baseline;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The baseline's JAX-RS application, on the same database pool settings as secureFlows. */
@ApplicationPath("/")
@DataSourceDefinition(
    name = "java:app/jdbc/baseline",
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=sf.db.url}",
    user = "${MPCONFIG=sf.db.user}",
    password = "${MPCONFIG=sf.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    maxIdleTime = 300,
    loginTimeout = 5)
public class BaselineApplication extends Application {}
