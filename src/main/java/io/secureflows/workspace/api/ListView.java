package io.secureflows.workspace.api;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/** A page of a list answer: {@code {"items": [...], "next": cursor-or-null}}. */
public record ListView<T>(List<T> items, @JsonbNillable String next) {
  static <T> ListView<T> complete(List<T> items) {
    return new ListView<>(items, null);
  }
}
