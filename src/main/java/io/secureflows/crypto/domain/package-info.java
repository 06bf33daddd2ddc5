/**
 * Workspace key versions: random AES-256 keys, stored only wrapped by the master key, with their
 * lifecycle state.
 */
package io.secureflows.crypto.domain;
