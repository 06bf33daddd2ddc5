package io.secureflows.audit.api;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import java.util.Map;

/** A page of a log: {@code {"items": [...], "next": cursor-or-null}}. */
public record LogPageView(List<Map<String, Object>> items, @JsonbNillable String next) {}
