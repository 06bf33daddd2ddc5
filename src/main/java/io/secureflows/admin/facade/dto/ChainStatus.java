package io.secureflows.admin.facade.dto;

import java.io.Serializable;
import java.util.UUID;

/** The result of walking an audit chain: intact, or where it first breaks. */
public record ChainStatus(
    boolean intact, long checked, long unsealed, Long brokenSeq, UUID brokenEvent, String problem)
    implements Serializable {}
