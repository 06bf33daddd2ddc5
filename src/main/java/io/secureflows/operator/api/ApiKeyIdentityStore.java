package io.secureflows.operator.api;

import io.secureflows.operator.app.ApiKeyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.Set;

/**
 * Lets admin API keys through the MicroProfile JWT mechanism, which validates every {@code
 * Authorization: Bearer} value and would answer 401 to a key that is not a JWT (docs/adr/0007). A
 * bearer value that looks like an API key ({@code sfk_...}) is looked up here: a known, active key
 * is a valid caller in group {@code admin-api}, anything else with that prefix is invalid. Every
 * other value is left to the JWT identity store. The admin API still authenticates the key itself
 * ({@link ApiKeyAuthenticationFilter}), so this store grants nothing on its own.
 */
@ApplicationScoped
public class ApiKeyIdentityStore implements IdentityStore {
  static final String GROUP = "admin-api";

  @Inject ApiKeyService apiKeys;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    String bearer = bearerValue(credential);
    if (bearer == null || !bearer.startsWith("sfk_")) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return apiKeys
        .authenticate(bearer)
        .map(key -> new CredentialValidationResult("api-key:" + key.id(), Set.of(GROUP)))
        .orElse(CredentialValidationResult.INVALID_RESULT);
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
