/** The clock the application reads time from, injectable so that tests and jobs agree on "now". */
package io.secureflows.platform.time;
