package io.stride.commands.users;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.stride.commands.users");

    @Test
    void shouldKeepDomainFreeOfFrameworksWhenCompiled() {
        // given / when / then
        noClasses().that().resideInAPackage("..users.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.persistence..",
                        "org.apache.kafka..", "io.smallrye..", "io.vertx..", "org.hibernate..")
                .check(CLASSES);
    }

    @Test
    void shouldKeepEntitiesInsidePersistenceWhenCompiled() {
        // given / when / then
        noClasses().that().resideInAPackage("..users.api..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Entity")
                .check(CLASSES);
    }

    @Test
    void shouldLeaveHttpAnswersToApiWhenCompiled() {
        // given / when / then: use cases raise domain errors, api maps them to the error format
        noClasses().that().resideOutsideOfPackage("..users.api..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.stride.platform.http.ApiException")
                .check(CLASSES);
    }

    @Test
    void shouldKeepLayersPointingInwardWhenCompiled() {
        // given / when / then
        noClasses().that().resideInAnyPackage("..users.application..", "..users.persistence..",
                        "..users.messaging..", "..users.domain..")
                .should().dependOnClassesThat().resideInAPackage("..users.api..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..users.persistence..")
                .should().dependOnClassesThat().resideInAPackage("..users.application..")
                .check(CLASSES);
    }
}
