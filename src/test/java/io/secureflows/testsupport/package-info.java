/**
 * Shared integration-test support: one embedded PostgreSQL per test run, the Payara Micro
 * environment Arquillian starts, the real WAR as the deployment, and an HTTP client bound to
 * 127.0.0.1.
 */
package io.secureflows.testsupport;
