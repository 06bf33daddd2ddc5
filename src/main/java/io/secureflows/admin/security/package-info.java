/**
 * Console sign-in: the form authentication mechanism for {@code /admin} (operator accounts,
 * Argon2id, lockout, optional TOTP) and the handler that gives the console and the API each their
 * own mechanism.
 */
package io.secureflows.admin.security;
