/**
 * Operator access: console accounts and API keys, their roles and scopes, how the admin API
 * authenticates a key, and the first-start bootstrap of the {@code admin} account. Sits above
 * {@code workspace} (keys are scoped to one).
 */
package io.secureflows.operator;
