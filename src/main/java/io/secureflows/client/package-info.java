/**
 * A small Java client of secureFlows' public HTTP API, for server-side and automation applications
 * that call secureFlows on their users' behalf: it exchanges the authorization code from the hosted
 * login for a sessionToken ({@link io.secureflows.client.SecureFlowsClient#exchange}), then reads,
 * writes and deletes the session's payload and signs the session out.
 *
 * <p>It is a library for callers, not part of the server: the WAR leaves it out (pom), and it uses
 * nothing of the server, only the JDK's {@link java.net.http.HttpClient} and Jakarta JSON
 * Processing (so the two sides can only meet through the documented HTTP contract). Outside a
 * Jakarta EE server, put {@code jakarta.json:jakarta.json-api} and an implementation such as {@code
 * org.eclipse.parsson:parsson} on the class path.
 *
 * <p>The sessionToken is a bearer credential: it is held in memory only, and no type here prints,
 * logs or serializes it or the payload. The status rules map to exceptions: {@code 410} to {@link
 * io.secureflows.client.ReauthenticationRequiredException} (run the login again; nothing stored is
 * lost), {@code 401} to {@link io.secureflows.client.InvalidTokenException}, {@code 412} to {@link
 * io.secureflows.client.PreconditionFailedException}, anything else to {@link
 * io.secureflows.client.SecureFlowsException}.
 */
package io.secureflows.client;
