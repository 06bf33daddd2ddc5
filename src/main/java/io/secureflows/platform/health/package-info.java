/**
 * MicroProfile Health checks: live while the JVM serves, ready when the database answers, the
 * schema is current and the node is not draining before a stop.
 */
package io.secureflows.platform.health;
