/**
 * The JAX-RS application under {@code /api}, and the rules every API answer follows: errors as RFC
 * 9457 problem+json without stack traces, request bodies bounded in size.
 */
package io.secureflows.platform.rest;
