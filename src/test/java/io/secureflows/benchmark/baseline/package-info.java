/**
 * The unsecured baseline of the load benchmark: a tiny second WAR (plain JAX-RS and JPA with
 * Hibernate, no token, tenancy, crypto or audit) that reads and updates a 1 KiB row by primary key.
 * {@code ApiLoadBenchmark} builds it and deploys it beside secureFlows on the same server; it is
 * never part of the product.
 */
package io.secureflows.benchmark.baseline;
