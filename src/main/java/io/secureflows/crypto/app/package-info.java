/**
 * The key lifecycle: master-key selection and the start-up guard, the workspace key ring (create,
 * rotate, retire, destroy), the envelope cipher, and the background rewrap of data keys to the
 * active version.
 */
package io.secureflows.crypto.app;
