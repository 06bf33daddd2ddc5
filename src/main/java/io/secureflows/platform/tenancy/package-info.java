/**
 * Who is calling and which workspaces they may see. Authentication mechanisms in the concerns fill
 * the request's {@link io.secureflows.platform.tenancy.CallerContext}; services ask it before they
 * touch a workspace's data, and answer a workspace outside the caller's scope exactly like one that
 * does not exist.
 */
package io.secureflows.platform.tenancy;
