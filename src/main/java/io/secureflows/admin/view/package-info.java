/**
 * The console's Faces beans: one per page, bound to DTOs through the facades. Service refusals
 * become messages on the page; a workspace out of the operator's scope answers 404.
 */
package io.secureflows.admin.view;
