/**
 * Exceptions that domain and service code throw to say what went wrong; the REST layer maps them to
 * problems.
 */
package io.secureflows.platform.error;
