package io.secureflows.crypto;

/**
 * What an encrypted record stores: the workspace key version that wrapped the data key, the payload
 * nonce, the wrapped data key and the ciphertext with its tag. Together useless without the
 * workspace key, which is useless without the master key.
 */
public record Envelope(int keyVersion, byte[] nonce, byte[] wrappedDataKey, byte[] ciphertext) {}
