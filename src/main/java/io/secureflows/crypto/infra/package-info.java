/**
 * The cipher engines: AES-256-GCM through the JCE (AES-NI), and the built-in master-key providers.
 */
package io.secureflows.crypto.infra;
