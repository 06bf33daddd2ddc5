package io.secureflows.audit;

/** How an audited event ended. */
public enum Outcome {
  SUCCESS,
  FAILURE,
  DENIED
}
