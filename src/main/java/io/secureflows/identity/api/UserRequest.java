package io.secureflows.identity.api;

/** Body of user creation and password reset; unknown fields (an id, a workspace) are ignored. */
public record UserRequest(String email, String password) {}
