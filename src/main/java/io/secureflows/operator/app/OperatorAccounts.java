package io.secureflows.operator.app;

import io.secureflows.audit.ActorType;
import io.secureflows.audit.AuditLog;
import io.secureflows.audit.AuditRecord;
import io.secureflows.audit.Outcome;
import io.secureflows.crypto.DecryptionFailedException;
import io.secureflows.crypto.PasswordHasher;
import io.secureflows.crypto.RandomSecrets;
import io.secureflows.crypto.Totp;
import io.secureflows.crypto.app.PlatformSecrets;
import io.secureflows.crypto.spi.MasterKeyUnavailableException;
import io.secureflows.operator.domain.Operator;
import io.secureflows.platform.error.ConflictException;
import io.secureflows.platform.error.FieldError;
import io.secureflows.platform.error.ForbiddenException;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.error.NotFoundException;
import io.secureflows.platform.security.LockoutPolicy;
import io.secureflows.platform.tenancy.Caller;
import io.secureflows.platform.tenancy.CallerContext;
import io.secureflows.platform.tenancy.OperatorRole;
import io.secureflows.workspace.app.WorkspaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Console accounts: sign-in (Argon2id, lockout like hosted login, optional TOTP) and their
 * management. Accounts are platform records; only platform operators manage them, and nobody can
 * disable or demote their own account (so the last platform operator cannot lock everyone out).
 */
@ApplicationScoped
@Transactional
public class OperatorAccounts {
  /** Operators choose long passwords too (OWASP ASVS 6.2.1); checked for length only. */
  public static final int MIN_PASSWORD = 12;

  public static final int MAX_PASSWORD = 128;

  private static final String WRONG_PASSWORD = "wrong password";
  private static final String WRONG_CODE = "wrong or reused authenticator code";
  private static final Logger LOG = Logger.getLogger(OperatorAccounts.class.getName());

  private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.Cost.DEFAULT);
  private final String unknownAccountHash = hasher.hash(RandomSecrets.urlSafe(24).toCharArray());

  @PersistenceContext EntityManager em;

  @Inject CallerContext callers;

  @Inject PlatformSecrets secrets;

  @Inject WorkspaceService workspaces;

  @Inject AuditLog auditLog;

  @Inject Clock clock;

  /** A console account as the console lists it. */
  public record Account(
      UUID id,
      String username,
      OperatorRole role,
      UUID workspaceId,
      boolean enabled,
      boolean locked,
      boolean secondFactor,
      Instant createdAt) {
    static Account of(Operator operator, Instant now) {
      return new Account(
          operator.id(),
          operator.username(),
          operator.role(),
          operator.workspaceId().orElse(null),
          operator.enabled(),
          operator.isLocked(now),
          operator.hasTotp(),
          operator.createdAt());
    }
  }

  /**
   * Checks a sign-in. Empty whatever the reason (unknown account, wrong password or code, locked,
   * disabled): the console answers all of them alike. Failures count toward the lockout and are
   * audited; the failure is committed although nobody signs in.
   */
  public Optional<Caller> signIn(String username, String password, String code, String client) {
    String name = username == null ? "" : username.strip();
    char[] secret = password == null ? new char[0] : password.toCharArray();
    Operator operator =
        em.createQuery("select o from Operator o where o.username = :name", Operator.class)
            .setParameter("name", name)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElse(null);
    boolean passwordMatches =
        hasher.verify(secret, operator == null ? unknownAccountHash : operator.passwordHash());
    Instant now = clock.instant();
    if (operator == null) {
      audit(ActorType.ANONYMOUS, null, "operator.sign_in_failed", "unknown account", client);
      return Optional.empty();
    }
    String refusal = refusal(operator, passwordMatches, code, now);
    if (refusal != null) {
      if (refusal.equals(WRONG_PASSWORD) || refusal.equals(WRONG_CODE)) {
        operator.recordFailedSignIn(LockoutPolicy.DEFAULT, now);
      }
      audit(ActorType.OPERATOR, operator.id(), "operator.sign_in_failed", refusal, client);
      return Optional.empty();
    }
    operator.recordSuccessfulSignIn(now);
    if (hasher.needsRehash(operator.passwordHash())) {
      operator.changePasswordHash(hasher.hash(secret), now);
    }
    audit(ActorType.OPERATOR, operator.id(), "operator.signed_in", null, client);
    return Optional.of(operator.asCaller());
  }

  private String refusal(Operator operator, boolean passwordMatches, String code, Instant now) {
    if (operator.isLocked(now)) {
      return "account locked";
    }
    if (!passwordMatches) {
      return WRONG_PASSWORD;
    }
    if (!operator.enabled()) {
      return "account disabled";
    }
    if (operator.hasTotp()) {
      byte[] secret;
      try {
        secret = totpSecret(operator);
      } catch (MasterKeyUnavailableException | DecryptionFailedException e) {
        logUnreadableSecondFactor(operator, e);
        return "second factor unreadable";
      }
      OptionalLong step;
      try {
        step = Totp.verify(secret, code, now, operator.totpLastStep());
      } finally {
        Arrays.fill(secret, (byte) 0);
      }
      if (step.isEmpty()) {
        return WRONG_CODE;
      }
      operator.useTotpStep(step.getAsLong(), now);
    }
    return null;
  }

  /** A console sign-out, recorded in the platform's audit chain. */
  public void signedOut(Caller caller) {
    audit(ActorType.OPERATOR, caller.id(), "operator.signed_out", null, null);
  }

  /**
   * The caller an already signed-in console session stands for, read again on every request so that
   * a disabled account or a changed role takes effect at once. Empty when the account is gone or
   * disabled.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Caller> current(UUID operatorId) {
    return Optional.ofNullable(em.find(Operator.class, operatorId))
        .filter(Operator::enabled)
        .map(Operator::asCaller);
  }

  public String username(UUID operatorId) {
    return find(operatorId).username();
  }

  public List<Account> list() {
    callers.requirePlatformOperator();
    Instant now = clock.instant();
    return em.createQuery("select o from Operator o order by o.username", Operator.class)
        .getResultStream()
        .map(o -> Account.of(o, now))
        .toList();
  }

  public Account create(String username, String password, OperatorRole role, UUID workspaceId) {
    callers.requirePlatformOperator();
    List<FieldError> errors = new ArrayList<>();
    checkPassword(password, errors);
    if (role == null) {
      errors.add(new FieldError("role", "is required"));
    } else {
      checkScope(role, workspaceId, errors);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    String name = username == null ? "" : username.strip();
    boolean taken =
        !em.createQuery("select o.id from Operator o where o.username = :name")
            .setParameter("name", name)
            .getResultList()
            .isEmpty();
    if (taken) {
      throw new ConflictException("An operator with this username exists");
    }
    Operator operator;
    try {
      operator =
          new Operator(
              name, hasher.hash(password.toCharArray()), role, workspaceId, clock.instant());
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("username", e.getMessage());
    }
    em.persist(operator);
    auditByCaller(
        "operator.created", operator, "operator:" + operator.id() + " role:" + role.externalName());
    return Account.of(operator, clock.instant());
  }

  public void disable(UUID operatorId) {
    Operator operator = manageable(operatorId);
    operator.disable(clock.instant());
    auditByCaller("operator.disabled", operator, "operator:" + operatorId);
  }

  public void enable(UUID operatorId) {
    Operator operator = manageable(operatorId);
    operator.enable(clock.instant());
    auditByCaller("operator.enabled", operator, "operator:" + operatorId);
  }

  public void unlock(UUID operatorId) {
    callers.requirePlatformOperator();
    Operator operator = find(operatorId);
    operator.unlock(clock.instant());
    auditByCaller("operator.unlocked", operator, "operator:" + operatorId);
  }

  public void changeRole(UUID operatorId, OperatorRole role, UUID workspaceId) {
    Operator operator = manageable(operatorId);
    List<FieldError> errors = new ArrayList<>();
    if (role == null) {
      errors.add(new FieldError("role", "is required"));
    } else {
      checkScope(role, workspaceId, errors);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    operator.changeRole(role, workspaceId, clock.instant());
    auditByCaller(
        "operator.role_changed",
        operator,
        "operator:" + operatorId + " role:" + role.externalName());
  }

  /** Sets a new password chosen by a platform operator and lifts a lockout. */
  public void resetPassword(UUID operatorId, String newPassword) {
    callers.requirePlatformOperator();
    List<FieldError> errors = new ArrayList<>();
    checkPassword(newPassword, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Operator operator = find(operatorId);
    Instant now = clock.instant();
    operator.changePasswordHash(hasher.hash(newPassword.toCharArray()), now);
    operator.unlock(now);
    auditByCaller("operator.password_reset", operator, "operator:" + operatorId);
  }

  /** Removes an operator's second factor (a lost phone); they may enrol again. */
  public void removeSecondFactor(UUID operatorId) {
    callers.requirePlatformOperator();
    Operator operator = find(operatorId);
    operator.removeTotp(clock.instant());
    auditByCaller("operator.totp_removed", operator, "operator:" + operatorId);
  }

  /**
   * Enrols the calling operator's own second factor: the secret they scanned and a code their
   * authenticator shows for it, which proves the scan worked.
   */
  public void enrolOwnSecondFactor(byte[] secret, String code) {
    Operator operator = find(callers.require().id());
    if (operator.hasTotp()) {
      // Replacing a factor needs more than a session: a platform operator removes the old one.
      throw new ConflictException(
          "A second factor is already enrolled; a platform operator can remove it first");
    }
    Instant now = clock.instant();
    OptionalLong step = Totp.verify(secret, code, now, 0);
    if (step.isEmpty()) {
      throw InvalidInputException.of("code", "does not match the secret: scan it again");
    }
    PlatformSecrets.Wrapped wrapped = secrets.wrap(secret, context(operator));
    operator.enrolTotp(wrapped.bytes(), wrapped.masterKeyId(), now);
    operator.useTotpStep(step.getAsLong(), now);
    auditByCaller("operator.totp_enrolled", operator, "operator:" + operator.id());
  }

  /** Whether the signed-in operator has a second factor. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean hasOwnSecondFactor() {
    return find(callers.require().id()).hasTotp();
  }

  /**
   * Wraps every operator's TOTP secret again under the current master key (after a rotation), so
   * that the previous master key can be retired; a secret whose master key is gone is left (and
   * logged) for a platform operator to remove.
   */
  public int rewrapSecondFactors() {
    int moved = 0;
    for (Operator operator :
        em.createQuery(
                "select o from Operator o where o.totpMasterKeyId is not null", Operator.class)
            .getResultList()) {
      PlatformSecrets.Wrapped stored =
          new PlatformSecrets.Wrapped(
              operator.wrappedTotpSecret().orElseThrow(), operator.totpMasterKeyId());
      if (!secrets.isStale(stored)) {
        continue;
      }
      try {
        byte[] secret = secrets.unwrap(stored, context(operator));
        PlatformSecrets.Wrapped fresh;
        try {
          fresh = secrets.wrap(secret, context(operator));
        } finally {
          Arrays.fill(secret, (byte) 0);
        }
        operator.rewrapTotp(fresh.bytes(), fresh.masterKeyId(), clock.instant());
        moved++;
      } catch (MasterKeyUnavailableException | DecryptionFailedException e) {
        logUnreadableSecondFactor(operator, e);
      }
    }
    return moved;
  }

  /** The account signs in again once a platform operator removes the unreadable factor. */
  private static void logUnreadableSecondFactor(Operator operator, RuntimeException cause) {
    LOG.warning(
        "The second factor of operator "
            + operator.id()
            + " cannot be unwrapped ("
            + cause.getMessage()
            + "); a platform operator must remove it so that the account can sign in and enrol again");
  }

  private byte[] totpSecret(Operator operator) {
    return secrets.unwrap(
        new PlatformSecrets.Wrapped(
            operator.wrappedTotpSecret().orElseThrow(), operator.totpMasterKeyId()),
        context(operator));
  }

  private static String context(Operator operator) {
    return "operator-totp/" + operator.id();
  }

  private Operator manageable(UUID operatorId) {
    callers.requirePlatformOperator();
    if (callers.require().id().equals(operatorId)) {
      throw new ForbiddenException("Nobody may disable or change the role of their own account");
    }
    return find(operatorId);
  }

  private Operator find(UUID operatorId) {
    Operator operator = operatorId == null ? null : em.find(Operator.class, operatorId);
    if (operator == null) {
      throw new NotFoundException("Operator");
    }
    return operator;
  }

  /**
   * A platform operator has no workspace and a workspace admin exactly one, which must exist; an
   * auditor may have one or none (then it reads every workspace's logs).
   */
  private void checkScope(OperatorRole role, UUID workspaceId, List<FieldError> errors) {
    if (role == OperatorRole.PLATFORM_OPERATOR && workspaceId != null) {
      errors.add(new FieldError("workspace", "must be empty for a platform operator"));
    } else if (role == OperatorRole.WORKSPACE_ADMIN && workspaceId == null) {
      errors.add(new FieldError("workspace", "is required for a workspace admin"));
    } else if (workspaceId != null) {
      workspaces.get(workspaceId);
    }
  }

  private static void checkPassword(String password, List<FieldError> errors) {
    int length = password == null ? 0 : password.codePointCount(0, password.length());
    if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
      errors.add(
          new FieldError(
              "password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long"));
    }
  }

  private void audit(
      ActorType actorType, UUID operatorId, String action, String reason, String client) {
    auditLog.record(
        new AuditRecord(
            null,
            actorType,
            operatorId == null ? null : operatorId.toString(),
            action,
            reason == null ? Outcome.SUCCESS : Outcome.FAILURE,
            null,
            null,
            operatorId == null ? null : "operator:" + operatorId,
            client,
            reason));
  }

  private void auditByCaller(String action, Operator operator, String target) {
    auditLog.record(
        AuditRecord.byCaller(
            callers.require(),
            operator.workspaceId().orElse(null),
            action,
            null,
            null,
            target,
            null));
  }
}
