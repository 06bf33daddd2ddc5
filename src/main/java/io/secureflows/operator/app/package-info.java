/** API key issue and authentication, and the first-start bootstrap of operator access. */
package io.secureflows.operator.app;
