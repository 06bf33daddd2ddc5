package io.secureflows.identity.api;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/** The signing keys, newest first: {@code {"items": [...], "next": null}}. */
public record SigningKeyPage(List<SigningKeyView> items, @JsonbNillable String next) {}
