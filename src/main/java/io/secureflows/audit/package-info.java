/**
 * The audit log: security events (sign-ins, lockouts, code replays, sign-outs, account changes) as
 * append-only records. A sink that imports no concern: callers hand it plain values. Never holds a
 * password, token, key or payload.
 */
package io.secureflows.audit;
