/**
 * Admin API for the registry ({@code /api/v1/admin/workspaces}): JSON in, JSON out, through DTOs
 * only. Callers are authenticated by API key before a resource runs; scope is checked by the
 * services.
 */
package io.secureflows.workspace.api;
