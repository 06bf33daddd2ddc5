package io.secureflows.admin.facade.dto;

import java.io.Serializable;
import java.util.List;

/** One keyset page of sessions and the opaque cursor of the next one (null after the last). */
public record SessionPage(List<SessionRow> rows, String next) implements Serializable {}
