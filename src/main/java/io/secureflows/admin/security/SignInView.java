package io.secureflows.admin.security;

import io.secureflows.operator.app.OperatorAccounts;
import io.secureflows.platform.tenancy.CallerContext;
import io.secureflows.platform.tenancy.OperatorRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The sign-in form. Every refusal reads the same (unknown account, wrong password or code, locked,
 * disabled), so the form tells an attacker nothing.
 */
@Named
@RequestScoped
public class SignInView {
  static final String REFUSED =
      "Sign-in failed. Check the username, the password and, if you enrolled one, the"
          + " authenticator code. After five failures the account is locked for a while.";

  @Inject SecurityContext security;

  @Inject FacesContext faces;

  @Inject CallerContext callers;

  @Inject OperatorAccounts accounts;

  private String username;
  private String password;
  private String code;

  public void signIn() throws IOException {
    ExternalContext external = faces.getExternalContext();
    AuthenticationStatus status =
        security.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .credential(new ConsoleCredential(username, password, code))
                .newAuthentication(true));
    password = null;
    code = null;
    if (status == AuthenticationStatus.SUCCESS) {
      String home =
          callers.require().role() == OperatorRole.AUDITOR
              ? "/admin/audit.xhtml"
              : "/admin/dashboard.xhtml";
      external.redirect(external.getRequestContextPath() + home);
      faces.responseComplete();
    } else {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, REFUSED, null));
    }
  }

  public void signOut() throws IOException {
    ExternalContext external = faces.getExternalContext();
    callers.current().ifPresent(accounts::signedOut);
    external.invalidateSession();
    external.redirect(
        external.getRequestContextPath() + ConsoleAuthenticationMechanism.SIGN_IN_VIEW);
    faces.responseComplete();
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
