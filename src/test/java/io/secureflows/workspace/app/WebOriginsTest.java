package io.secureflows.workspace.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What is never even looked up as a browser application's origin. */
class WebOriginsTest {
  private final WebOrigins origins = new WebOrigins();

  @Test
  void anythingButSchemeHostAndPortIsRefusedWithoutALookup() {
    assertThat(origins.isAllowed(null)).isFalse();
    assertThat(origins.isAllowed("null")).isFalse();
    assertThat(origins.isAllowed("https://app.example.com/")).isFalse();
    assertThat(origins.isAllowed("https://app.example.com/callback")).isFalse();
    assertThat(origins.isAllowed("https://user@app.example.com")).isFalse();
    assertThat(origins.isAllowed("ftp://app.example.com")).isFalse();
    assertThat(origins.isAllowed("https://app.example.com:99999999")).isFalse();
    assertThat(origins.isAllowed("https://app.example.com'--")).isFalse();
    assertThat(origins.isAllowed("https://" + "a".repeat(300) + ".example")).isFalse();
  }
}
