/**
 * Account protection rules shared by end-user sign-in (hosted login) and operator sign-in
 * (console).
 */
package io.secureflows.platform.security;
