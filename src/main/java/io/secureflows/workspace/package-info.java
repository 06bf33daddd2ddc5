/**
 * The registry: workspaces (tenants) and the applications registered in them, with their
 * redirect-URI allowlists and lifecycle settings. Sits below {@code identity} and {@code session}.
 */
package io.secureflows.workspace;
