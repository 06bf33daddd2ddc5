package io.secureflows.identity.api;

import io.secureflows.audit.Audited;
import io.secureflows.identity.app.JwksPublisher;
import io.secureflows.identity.app.SigningKeys;
import io.secureflows.identity.domain.SigningKey;
import io.secureflows.platform.tenancy.CallerContext;
import io.secureflows.platform.tenancy.TenantScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code /api/v1/admin/signing-keys}: the sessionToken signing keys, and their rotation (platform
 * operators).
 */
@Audited
@TenantScoped
@Path("v1/admin/signing-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeyResource {

  @Inject SigningKeys signingKeys;

  @Inject CallerContext callers;

  @Inject JwksPublisher jwks;

  @GET
  public SigningKeyPage list() {
    callers.requirePlatformOperator();
    return page(signingKeys.verificationKeys());
  }

  @POST
  @Path("rotate")
  public SigningKeyPage rotate() {
    SigningKeyPage rotated = page(signingKeys.rotate());
    jwks.publish();
    return rotated;
  }

  private static SigningKeyPage page(List<SigningKey> keys) {
    return new SigningKeyPage(keys.stream().map(SigningKeyView::of).toList(), null);
  }
}
