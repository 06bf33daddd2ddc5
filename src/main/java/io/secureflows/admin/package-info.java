/**
 * The admin console at {@code /admin}: Jakarta Faces + PrimeFaces views for operators. It reaches
 * every concern through its services (the same ones the admin API uses), and nothing depends on it.
 */
package io.secureflows.admin;
