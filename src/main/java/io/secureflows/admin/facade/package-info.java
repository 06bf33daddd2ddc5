/**
 * What the console's views may call: facades that enter the chosen workspace, call the same
 * services as the admin API and hand back DTOs ({@code dto}), never entities.
 */
package io.secureflows.admin.facade;
