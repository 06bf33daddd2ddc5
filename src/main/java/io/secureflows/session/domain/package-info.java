/**
 * The session payload: plaintext only in memory, an envelope (ciphertext, nonce, wrapped data key)
 * on disk.
 */
package io.secureflows.session.domain;
