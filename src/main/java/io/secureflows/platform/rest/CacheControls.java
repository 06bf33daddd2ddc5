package io.secureflows.platform.rest;

import jakarta.ws.rs.core.CacheControl;

/** The one cache rule of answers that carry secrets or personal data: never stored anywhere. */
public final class CacheControls {
  private CacheControls() {}

  /** {@code Cache-Control: no-store, no-transform}. */
  public static CacheControl noStore() {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return noStore;
  }
}
