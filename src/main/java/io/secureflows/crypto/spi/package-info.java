/**
 * The master-key SPI. A provider hands out {@link io.secureflows.crypto.spi.MasterKey}s, which wrap
 * and unwrap workspace keys; key material may stay inside the provider (an HSM or an external KMS
 * never exports it). A provider is a CDI bean with {@code @Named("<name>")}; {@code
 * SF_MASTER_KEY_PROVIDER=<name>} selects it.
 */
package io.secureflows.crypto.spi;
