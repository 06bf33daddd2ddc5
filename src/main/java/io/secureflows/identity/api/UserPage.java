package io.secureflows.identity.api;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/** A page of users: {@code {"items": [...], "next": cursor-or-null}}. */
public record UserPage(List<UserView> items, @JsonbNillable String next) {}
