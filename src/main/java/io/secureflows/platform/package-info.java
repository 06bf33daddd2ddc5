/**
 * What every concern stands on and that knows no concern: REST plumbing and problem+json, transport
 * and header policy for the web tier, persistence plumbing and migrations, health, the caller
 * context, the clock.
 */
package io.secureflows.platform;
