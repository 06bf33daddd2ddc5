/** Operator accounts and API keys; secrets are held only as hashes. */
package io.secureflows.operator.domain;
