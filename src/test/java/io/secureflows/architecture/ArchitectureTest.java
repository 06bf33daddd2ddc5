package io.secureflows.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.secureflows.admin.facade.ConsoleWorkspace;
import io.secureflows.audit.Audited;
import io.secureflows.platform.rest.Unauthenticated;
import io.secureflows.platform.tenancy.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout rules of docs/architecture.md, held by the build so that no reviewer has to remember
 * them: which concern may use which, crypto only in {@code crypto}, resources thin and
 * request-scoped, every entity registered, every package explained.
 */
class ArchitectureTest {
  private static final String ROOT = "io.secureflows";
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  private static void check(ArchRule rule) {
    rule.check(classes);
  }

  @Test
  void platformDependsOnNoConcern() {
    check(
        noClasses()
            .that()
            .resideInAPackage(ROOT + ".platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                ROOT + ".identity..",
                ROOT + ".session..",
                ROOT + ".crypto..",
                ROOT + ".workspace..",
                ROOT + ".operator..",
                ROOT + ".launcher.."));
  }

  @Test
  void cryptoKnowsNoConcernAboveIt() {
    check(
        noClasses()
            .that()
            .resideInAPackage(ROOT + ".crypto..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                ROOT + ".identity..",
                ROOT + ".workspace..",
                ROOT + ".session..",
                ROOT + ".operator..",
                ROOT + ".launcher.."));
  }

  @Test
  void workspaceSitsBelowOperatorAccess() {
    check(
        noClasses()
            .that()
            .resideInAPackage(ROOT + ".workspace..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                ROOT + ".identity..",
                ROOT + ".operator..",
                ROOT + ".session..",
                ROOT + ".launcher.."));
  }

  @Test
  void sessionKnowsNeitherOperatorsNorTheRegistryApi() {
    check(
        noClasses()
            .that()
            .resideInAPackage(ROOT + ".session..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                ROOT + ".operator..", ROOT + ".workspace.api..", ROOT + ".launcher.."));
  }

  @Test
  void nothingInTheWarDependsOnTheLauncher() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage(ROOT + ".launcher..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(ROOT + ".launcher.."));
  }

  // The Java client is a library for applications that call secureFlows: shipped beside the
  // server, it must work without it, and the server must never come to rely on it.
  @Test
  void nothingInTheServerDependsOnTheClient() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage(ROOT + ".client..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(ROOT + ".client.."));
  }

  // The client meets the server only through the HTTP contract (API.md): it may not borrow the
  // server's types, which would tie callers to the WAR's classes and its dependencies.
  @Test
  void theClientDependsOnNothingOfTheServer() {
    check(
        noClasses()
            .that()
            .resideInAPackage(ROOT + ".client..")
            .should()
            .dependOnClassesThat(
                JavaClass.Predicates.resideInAPackage(ROOT + "..")
                    .and(not(JavaClass.Predicates.resideInAPackage(ROOT + ".client..")))));
  }

  @Test
  void cryptographyOnlyInCrypto() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackages(ROOT + ".crypto..", ROOT + ".launcher..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javax.crypto..", "org.bouncycastle..")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.security.MessageDigest")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.security.SecureRandom")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.security.Signature")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.security.KeyStore"));
  }

  @Test
  void resourcesLiveInApiPackagesAreRequestScopedAndNeverTouchTheEntityManager() {
    check(
        classes()
            .that()
            .areAnnotatedWith(Path.class)
            .should()
            .resideInAPackage("..api..")
            .andShould()
            .beAnnotatedWith(RequestScoped.class));
    check(
        noClasses()
            .that()
            .resideInAPackage("..api..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("jakarta.persistence.EntityManager"));
  }

  @Test
  void everyResourceIsAuthenticatedOrPublicOnPurpose() {
    check(
        classes()
            .that()
            .areAnnotatedWith(Path.class)
            .should(
                new com.tngtech.archunit.lang.ArchCondition<>(
                    "be under v1/admin (API key), or @RolesAllowed (sessionToken), or say why it is @Unauthenticated") {
                  @Override
                  public void check(
                      com.tngtech.archunit.core.domain.JavaClass resource,
                      com.tngtech.archunit.lang.ConditionEvents events) {
                    String path = resource.getAnnotationOfType(Path.class).value();
                    boolean admin = path.startsWith("v1/admin/") || path.equals("v1/admin");
                    boolean tokenOnly = resource.isAnnotatedWith(RolesAllowed.class);
                    if (!admin && !tokenOnly && !resource.isAnnotatedWith(Unauthenticated.class)) {
                      events.add(
                          com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                              resource,
                              resource.getName()
                                  + " is at "
                                  + path
                                  + ", outside v1/admin, and not @Unauthenticated"));
                    }
                  }
                }));
  }

  @Test
  void nothingDependsOnTheConsole() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage(ROOT + ".admin..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(ROOT + ".admin.."));
  }

  @Test
  void consoleViewsBindToDtosThroughFacadesOnly() {
    check(
        noClasses()
            .that()
            .resideInAPackage(ROOT + ".admin.view..")
            .should()
            .dependOnClassesThat()
            .areAnnotatedWith(Entity.class)
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("..domain..", "..app..", "jakarta.persistence.."));
    check(
        noClasses()
            .that()
            .resideInAPackage(ROOT + ".admin..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("jakarta.persistence.EntityManager"));
  }

  @Test
  void consoleFacadesActingInAWorkspaceAreTenantScoped() {
    check(
        classes()
            .that()
            .resideInAPackage(ROOT + ".admin.facade")
            .and()
            .haveSimpleNameEndingWith("Facade")
            .and(
                new com.tngtech.archunit.base.DescribedPredicate<JavaClass>(
                    "act in a console workspace") {
                  @Override
                  public boolean test(JavaClass type) {
                    return type.getMethods().stream()
                        .anyMatch(
                            m ->
                                m.getRawParameterTypes().stream()
                                    .anyMatch(p -> p.isEquivalentTo(ConsoleWorkspace.class)));
                  }
                })
            .should()
            .beAnnotatedWith(TenantScoped.class));
  }

  @Test
  void everyResourceIsTenantScopedAndAudited() {
    check(
        classes()
            .that()
            .areAnnotatedWith(Path.class)
            .should()
            .beAnnotatedWith(TenantScoped.class)
            .andShould()
            .beAnnotatedWith(Audited.class));
  }

  @Test
  void entitiesOfAWorkspaceCarryATenantId() {
    check(
        classes()
            .that()
            .areAnnotatedWith(Entity.class)
            .and()
            .haveSimpleNameNotContaining("AuditEvent")
            .and(
                com.tngtech.archunit.base.DescribedPredicate.describe(
                    "hold a workspace's data",
                    (com.tngtech.archunit.core.domain.JavaClass c) ->
                        c.getAllFields().stream().anyMatch(f -> f.getName().equals("workspaceId"))))
            .and()
            .resideOutsideOfPackages(ROOT + ".operator..", ROOT + ".crypto..")
            .should(
                new com.tngtech.archunit.lang.ArchCondition<>("have a @TenantId workspaceId") {
                  @Override
                  public void check(
                      com.tngtech.archunit.core.domain.JavaClass entity,
                      com.tngtech.archunit.lang.ConditionEvents events) {
                    boolean tenantId =
                        entity.getAllFields().stream()
                            .anyMatch(
                                f ->
                                    f.getName().equals("workspaceId")
                                        && f.isAnnotatedWith(
                                            org.hibernate.annotations.TenantId.class));
                    if (!tenantId) {
                      events.add(
                          com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                              entity, entity.getName() + " has no @TenantId workspaceId"));
                    }
                  }
                }));
  }

  @Test
  void identityIsUsedByNoConcernBelowOrBesideIt() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(ROOT + ".session..", ROOT + ".operator..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(ROOT + ".identity.."));
    check(
        noClasses()
            .that()
            .resideInAPackage(ROOT + ".identity..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                ROOT + ".operator..", ROOT + ".workspace.api..", ROOT + ".launcher.."));
  }

  @Test
  void auditIsASinkThatImportsNoConcern() {
    check(
        noClasses()
            .that()
            .resideInAPackage(ROOT + ".audit..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                ROOT + ".workspace..",
                ROOT + ".identity..",
                ROOT + ".session..",
                ROOT + ".operator..",
                ROOT + ".launcher.."));
  }

  @Test
  void entitiesLiveInDomainPackages() {
    check(classes().that().areAnnotatedWith(Entity.class).should().resideInAPackage("..domain.."));
  }

  @Test
  void everyEntityIsListedInPersistenceXml() throws IOException {
    String persistenceXml =
        Files.readString(java.nio.file.Path.of("src/main/resources/META-INF/persistence.xml"));
    List<String> entities =
        classes.stream()
            .filter(c -> c.isAnnotatedWith(Entity.class))
            .map(c -> c.getName())
            .toList();
    assertThat(entities).isNotEmpty();
    for (String entity : entities) {
      assertThat(persistenceXml).as(entity).contains("<class>" + entity + "</class>");
    }
  }

  @Test
  void everyPackageSaysWhatItIsFor() throws IOException {
    java.nio.file.Path sources = java.nio.file.Path.of("src/main/java");
    try (Stream<java.nio.file.Path> folders = Files.walk(sources)) {
      List<java.nio.file.Path> packagesWithCode =
          folders.filter(Files::isDirectory).filter(ArchitectureTest::holdsJavaFiles).toList();
      assertThat(packagesWithCode).isNotEmpty();
      for (java.nio.file.Path folder : packagesWithCode) {
        assertThat(folder.resolve("package-info.java")).as(folder.toString()).exists();
      }
    }
  }

  private static boolean holdsJavaFiles(java.nio.file.Path folder) {
    try (Stream<java.nio.file.Path> files = Files.list(folder)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
