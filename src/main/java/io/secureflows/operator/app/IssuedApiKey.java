package io.secureflows.operator.app;

import io.secureflows.operator.domain.ApiKey;

/** A key just created: the stored record and the secret, which exists only in this answer. */
public record IssuedApiKey(ApiKey key, String secret) {}
