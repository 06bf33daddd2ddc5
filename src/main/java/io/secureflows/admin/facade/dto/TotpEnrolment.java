package io.secureflows.admin.facade.dto;

import java.io.Serializable;

/**
 * A second factor being enrolled: the secret stays in the operator's view until a code confirms it;
 * the provisioning URI is what the QR code shows.
 */
public record TotpEnrolment(byte[] secret, String base32, String provisioningUri)
    implements Serializable {}
