package io.secureflows.audit;

import io.secureflows.platform.tenancy.Caller;

/** Who acted in an audited event. */
public enum ActorType {
  USER,
  API_KEY,
  OPERATOR,
  SYSTEM,
  ANONYMOUS;

  /** The actor type of an operator-side caller: its API key or its console account. */
  public static ActorType of(Caller caller) {
    return "api-key".equals(caller.kind()) ? API_KEY : OPERATOR;
  }
}
