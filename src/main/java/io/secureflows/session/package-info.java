/**
 * User sessions and their encrypted payloads. So far: the payload entity, encrypted by crypto's
 * entity listener, its store for the key lifecycle, and the service that reads and writes it.
 */
package io.secureflows.session;
