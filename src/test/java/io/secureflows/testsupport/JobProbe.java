package io.secureflows.testsupport;

import io.secureflows.audit.AuditSealer;
import io.secureflows.platform.persistence.Sweeper;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;

/**
 * A test-only door to the timers (never part of the product WAR): runs a sweep or a full audit seal
 * now, on the request thread, beside whatever the real timers are doing.
 */
@Path("v1/test/jobs")
@RequestScoped
public class JobProbe {

  @Inject Sweeper sweeper;

  @Inject AuditSealer sealer;

  @Inject Clock clock;

  /** One sweep of every janitor; answers the rows it cleaned. */
  @POST
  @Path("sweep")
  @Produces(MediaType.TEXT_PLAIN)
  public String sweep() {
    return Long.toString(sweeper.sweepOnce(true));
  }

  /** Seals every audit chain completely; answers the records it sealed. */
  @POST
  @Path("seal")
  @Produces(MediaType.TEXT_PLAIN)
  public String seal() {
    return Long.toString(sealer.sealAll(clock.instant()));
  }
}
