/** Session services: they own the transactions of payload reads and writes. */
package io.secureflows.session.app;
