/** The admin API of the audit log and the access log: queries, streamed exports, verification. */
package io.secureflows.audit.api;
