/** End users of a workspace: email, Argon2id password hash, status and lockout state. */
package io.secureflows.identity.domain;
