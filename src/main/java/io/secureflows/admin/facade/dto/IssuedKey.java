package io.secureflows.admin.facade.dto;

import java.io.Serializable;

/** A key just issued: its secret is shown this once and never stored in the clear. */
public record IssuedKey(ApiKeyRow key, String secret) implements Serializable {}
