package io.secureflows.operator.api;

import io.secureflows.operator.app.ApiKeyService;
import io.secureflows.platform.tenancy.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.Set;

/**
 * Authenticates admin API keys inside the MicroProfile JWT mechanism, which validates every {@code
 * Authorization: Bearer} value and would answer 401 to a key that is not a JWT (docs/adr/0007). A
 * bearer value shaped like a JWT (three dot-separated parts) is left to the JWT identity store;
 * anything else is an API key, whatever it looks like ({@code SF_ADMIN_API_KEY} may be any string):
 * a known, active key becomes the request's caller in {@link CallerContext} (group {@code
 * admin-api}), an unknown or revoked one is invalid (401). The key is looked up once per request;
 * {@link ApiKeyAuthenticationFilter} only checks that this happened.
 */
@ApplicationScoped
public class ApiKeyIdentityStore implements IdentityStore {
  static final String GROUP = "admin-api";

  @Inject ApiKeyService apiKeys;

  @Inject CallerContext callers;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    String bearer = bearerValue(credential);
    if (bearer == null || looksLikeJwt(bearer)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return apiKeys
        .authenticate(bearer)
        .map(
            key -> {
              callers.authenticate(key.asCaller());
              return new CredentialValidationResult("api-key:" + key.id(), Set.of(GROUP));
            })
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }

  static boolean looksLikeJwt(String bearer) {
    return bearer.chars().filter(c -> c == '.').count() == 2;
  }

  /**
   * The bearer value of the credential the MP-JWT mechanism built. Its class is Payara's and not
   * part of any API, so it is read through its accessor by name; an unknown credential is simply
   * not ours.
   */
  private static String bearerValue(Credential credential) {
    try {
      Object value = credential.getClass().getMethod("getSignedJWT").invoke(credential);
      return value instanceof String text ? text : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public int priority() {
    return 10;
  }

  @Override
  public Set<ValidationType> validationTypes() {
    return EnumSet.of(ValidationType.VALIDATE);
  }
}
