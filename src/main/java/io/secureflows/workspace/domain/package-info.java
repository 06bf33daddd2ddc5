/**
 * Workspace and application entities; each constructor refuses what would break the registry's
 * rules.
 */
package io.secureflows.workspace.domain;
