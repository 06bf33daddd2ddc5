/**
 * Reliability under faults: nodes killed with SIGKILL in the middle of writes and of background
 * jobs, then restarted, with every answered write and every job's work checked afterwards.
 */
package io.secureflows.reliability;
