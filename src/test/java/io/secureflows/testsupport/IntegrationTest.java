package io.secureflows.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an Arquillian integration test against the real WAR on Payara Micro and the run's embedded
 * PostgreSQL. The environment extension is registered first, so that the database and Payara's
 * options exist before Arquillian starts the container. Each annotated class boots one server:
 * group tests by capability.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({TestEnvironment.class, ArquillianExtension.class})
public @interface IntegrationTest {}
