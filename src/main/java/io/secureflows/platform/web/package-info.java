/**
 * Servlet-level rules for every response, whatever serves it: HTTPS only (plain HTTP from loopback
 * or a trusted proxy that says the client used HTTPS), security headers, and problem+json error
 * pages.
 */
package io.secureflows.platform.web;
