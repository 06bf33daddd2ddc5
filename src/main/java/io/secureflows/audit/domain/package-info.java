/** The audit record as stored: written once, never changed. */
package io.secureflows.audit.domain;
