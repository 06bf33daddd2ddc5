/**
 * The session API ({@code /api/v1/session}) for applications, authenticated by the sessionToken
 * that MicroProfile JWT verifies; identity comes from the token's claims only.
 */
package io.secureflows.session.api;
