package io.secureflows.platform.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JAX-RS resource outside the authenticated admin API that is public on purpose, and says
 * why. The architecture test refuses any other resource outside {@code v1/admin}, so that none
 * becomes public by accident.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Unauthenticated {
  /** Why this resource needs no caller authentication, and what protects it instead. */
  String value();
}
