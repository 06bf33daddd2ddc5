/**
 * The session payload table as crypto's key lifecycle sees it (counts per key version, rewrap
 * batches).
 */
package io.secureflows.session.infra;
