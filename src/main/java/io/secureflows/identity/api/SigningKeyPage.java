package io.secureflows.identity.api;

import java.util.List;

/** The signing keys, newest first: {@code {"items": [...], "next": null}}. */
public record SigningKeyPage(List<SigningKeyView> items, String next) {}
