package io.secureflows.platform.tenancy;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Confines every database access of the call to one workspace, taken from what was verified and
 * never from a body or query string: for admin paths the {@code {ws}} path parameter once the
 * caller may see it, for arguments that are {@link WorkspaceBound} their workspace, and for the
 * session API the sessionToken's workspace after its session was found live. A call that yields no
 * workspace runs in {@link WorkspaceScope#NONE} and sees no workspace's rows.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TenantScoped {}
