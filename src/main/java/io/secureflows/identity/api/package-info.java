/**
 * Admin API for the user directory ({@code /api/v1/admin/workspaces/{ws}/users}), through DTOs
 * only.
 */
package io.secureflows.identity.api;
