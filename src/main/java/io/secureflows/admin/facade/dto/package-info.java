/** Read-only views of what the console shows: plain records assembled by the facades. */
package io.secureflows.admin.facade.dto;
