/**
 * How crypto's failures reach an API client: generic, with no key, ciphertext or content in the
 * answer.
 */
package io.secureflows.crypto.api;
