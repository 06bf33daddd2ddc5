package io.secureflows.operator.api;

/**
 * Body of API key creation: a name for people and a role ({@code workspace-admin} or {@code
 * auditor}).
 */
public record ApiKeyRequest(String name, String role) {}
