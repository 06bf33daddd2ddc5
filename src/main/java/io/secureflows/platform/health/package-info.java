/**
 * MicroProfile Health checks: live while the JVM serves, ready when the database answers and the
 * schema is current.
 */
package io.secureflows.platform.health;
