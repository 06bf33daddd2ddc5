/**
 * Benchmarks ({@code *Benchmark}), run only by {@code mvn verify -Pbenchmark}: figures printed with
 * their targets, never timed assertions in the test suite.
 */
package io.secureflows.benchmark;
