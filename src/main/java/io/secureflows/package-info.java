/**
 * secureFlows: a self-hosted private per-user data layer. One package per concern ({@code
 * platform}, {@code workspace}, {@code operator}, {@code crypto}, ...), each split by layer ({@code
 * api}, {@code app}, {@code domain}) where it is big enough to need it.
 */
package io.secureflows;
