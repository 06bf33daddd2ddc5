/** Admin API authentication (API-key bearer) and key management endpoints. */
package io.secureflows.operator.api;
