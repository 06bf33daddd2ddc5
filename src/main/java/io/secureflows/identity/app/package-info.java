/** User directory services: transactions, scope checks, password hashing. */
package io.secureflows.identity.app;
