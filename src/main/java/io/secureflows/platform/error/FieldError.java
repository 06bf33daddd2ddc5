package io.secureflows.platform.error;

/** One rule that one input field breaks, in words a client developer can act on. */
public record FieldError(String field, String message) {}
