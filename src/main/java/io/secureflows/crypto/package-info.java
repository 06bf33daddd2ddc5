/**
 * All cryptography of secureFlows, and the only package that calls a cipher, hash or random
 * generator directly: password hashing (Argon2id), digests of high-entropy secrets, secret
 * generation, and workspace-level encryption (the master-key SPI, the workspace key ring, the
 * envelope cipher and its entity listener, rotation and rewrap). Knows no concern above it.
 */
package io.secureflows.crypto;
