/**
 * The one-command run ({@code payara/run.sh}): starts an embedded PostgreSQL (or uses an external
 * one), prepares TLS and the Payara Micro command files in a private data folder, starts Payara
 * Micro with the WAR, waits for readiness and prints where to click. Runs beside the server, never
 * inside it: the WAR build leaves this package out, and nothing in the application depends on it.
 */
package io.secureflows.launcher;
