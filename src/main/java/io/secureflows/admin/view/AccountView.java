package io.secureflows.admin.view;

import io.secureflows.admin.facade.OperatorFacade;
import io.secureflows.admin.facade.dto.TotpEnrolment;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The signed-in operator's own account: enrol a TOTP second factor by scanning a QR code and typing
 * the code it shows. The secret is stored (wrapped by the master key) only once a code confirms it.
 */
@Named
@ViewScoped
public class AccountView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject OperatorFacade operators;

  @Inject ConsoleScope console;

  private TotpEnrolment enrolment;
  private String code;
  private boolean enrolled;

  public void start() {
    enrolment = operators.startEnrolment(console.getUsername());
    enrolled = false;
  }

  public void confirm() {
    TotpEnrolment pending = enrolment;
    if (Actions.run(
        () -> operators.confirmEnrolment(pending, code),
        "Second factor enrolled: sign-in now asks for the authenticator's code")) {
      enrolment = null;
      enrolled = true;
    }
    code = null;
  }

  /** Whether the operator already has a second factor (enrolling another needs it removed). */
  public boolean isHasSecondFactor() {
    return enrolled || operators.hasOwnSecondFactor();
  }

  public TotpEnrolment getEnrolment() {
    return enrolment;
  }

  public boolean isEnrolled() {
    return enrolled;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
