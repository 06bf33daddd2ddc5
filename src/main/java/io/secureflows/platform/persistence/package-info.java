/**
 * Persistence plumbing: the application's data source, schema migrations at start-up (Liquibase,
 * run as the owner role before anything else touches the database), and identifiers.
 */
package io.secureflows.platform.persistence;
