package io.secureflows.admin.facade;

import io.secureflows.admin.facade.dto.OperatorRow;
import io.secureflows.admin.facade.dto.TotpEnrolment;
import io.secureflows.crypto.Totp;
import io.secureflows.operator.app.OperatorAccounts;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.tenancy.OperatorRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** Console accounts: the platform operators' management and each operator's own second factor. */
@ApplicationScoped
public class OperatorFacade {
  private static final String TOTP_ISSUER = "secureFlows";

  @Inject OperatorAccounts accounts;

  public List<OperatorRow> list() {
    return accounts.list().stream().map(OperatorFacade::row).toList();
  }

  public OperatorRow create(String username, String password, String role, UUID workspaceId) {
    return row(accounts.create(username, password, role(role), workspaceId));
  }

  public void disable(UUID operatorId) {
    accounts.disable(operatorId);
  }

  public void enable(UUID operatorId) {
    accounts.enable(operatorId);
  }

  public void unlock(UUID operatorId) {
    accounts.unlock(operatorId);
  }

  public void changeRole(UUID operatorId, String role, UUID workspaceId) {
    accounts.changeRole(operatorId, role(role), workspaceId);
  }

  public void resetPassword(UUID operatorId, String password) {
    accounts.resetPassword(operatorId, password);
  }

  public void removeSecondFactor(UUID operatorId) {
    accounts.removeSecondFactor(operatorId);
  }

  public boolean hasOwnSecondFactor() {
    return accounts.hasOwnSecondFactor();
  }

  /** A fresh secret for the signed-in operator to scan; nothing is stored until confirmed. */
  public TotpEnrolment startEnrolment(String username) {
    byte[] secret = Totp.newSecret();
    return new TotpEnrolment(
        secret, Totp.base32(secret), Totp.provisioningUri(TOTP_ISSUER, username, secret));
  }

  public void confirmEnrolment(TotpEnrolment enrolment, String code) {
    accounts.enrolOwnSecondFactor(enrolment.secret(), code);
  }

  private static OperatorRole role(String name) {
    OperatorRole role = OperatorRole.fromExternalName(name);
    if (role == null) {
      throw InvalidInputException.of(
          "role", "must be one of platform-operator, workspace-admin, auditor");
    }
    return role;
  }

  private static OperatorRow row(OperatorAccounts.Account account) {
    return new OperatorRow(
        account.id(),
        account.username(),
        account.role().externalName(),
        account.workspaceId(),
        account.enabled(),
        account.locked(),
        account.secondFactor(),
        account.createdAt());
  }
}
