package io.secureflows.admin.facade.dto;

import java.io.Serializable;

/**
 * A log search as the console's filter form holds it; every field optional, parsed and checked by
 * the same rules as the admin API's query parameters ({@code from}/{@code to} ISO-8601 instants).
 */
public record LogFilter(
    String from,
    String to,
    String actor,
    String action,
    String sessionId,
    String applicationId,
    String route,
    String status)
    implements Serializable {}
