/**
 * Identity: the per-workspace user directory, and (coming with hosted login) authorize and token
 * endpoints, PKCE and redirect checks, the brute-force guard, token issuing and signing keys. Sits
 * above {@code workspace}.
 */
package io.secureflows.identity;
