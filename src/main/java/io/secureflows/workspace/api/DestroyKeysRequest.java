package io.secureflows.workspace.api;

/** Confirmation of crypto-shredding: {@code confirm} must repeat the workspace id. */
public record DestroyKeysRequest(String confirm) {}
