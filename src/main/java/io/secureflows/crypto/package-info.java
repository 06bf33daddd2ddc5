/**
 * All cryptography of secureFlows, and the only package that calls a cipher, hash or random
 * generator directly: password hashing (Argon2id), digests of high-entropy secrets, secret
 * generation. Later: the key ring, the envelope cipher and master-key providers. Knows no concern
 * above it.
 */
package io.secureflows.crypto;
