/**
 * Registry services: they own the transactions and check the caller's scope before touching a
 * workspace.
 */
package io.secureflows.workspace.app;
