package io.secureflows.audit;

/** Who acted in an audited event. */
public enum ActorType {
  USER,
  API_KEY,
  OPERATOR,
  SYSTEM,
  ANONYMOUS
}
