package io.secureflows.testsupport;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The deployment under test: the WAR the build just produced, unchanged, at the root context. */
public final class Deployments {
  private Deployments() {}

  public static WebArchive secureFlows() {
    File war = new File(System.getProperty("sf.test.war", "target/secureflows.war"));
    if (!war.isFile()) {
      throw new IllegalStateException(war + " is missing: integration tests run after 'package'");
    }
    // ROOT.war deploys at "/", as the one-command run does.
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
  }

  /**
   * The WAR plus the test-only probes: the payload probe (what lies below the session API) and the
   * job probe (sweeps and audit seals on demand).
   */
  public static WebArchive secureFlowsWithProbes() {
    return secureFlows().addClasses(PayloadProbe.class, PayloadSeeder.class, JobProbe.class);
  }
}
