package io.secureflows.admin.facade.dto;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** One page of log rows (column name to value, as the admin API lists them), newest first. */
public record LogPage(List<Map<String, Object>> rows, String next) implements Serializable {}
