package io.stride.commands.goals;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.stride.commands.goals");

    @Test
    void shouldKeepDomainFreeOfFrameworksWhenCompiled() {
        // given / when / then
        noClasses().that().resideInAPackage("..goals.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "org.apache.kafka..",
                        "org.apache.avro..", "io.smallrye..", "io.vertx..", "org.hibernate..", "com.fasterxml..",
                        "io.stride.schemas..", "io.stride.platform..")
                .check(CLASSES);
    }

    @Test
    void shouldKeepEntitiesInsidePersistenceWhenCompiled() {
        // given / when / then
        noClasses().that().resideInAnyPackage("..goals.api..", "..goals.messaging..", "..goals.domain..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Entity")
                .check(CLASSES);
    }

    @Test
    void shouldKeepTheHttpLayerOutOfTheUseCasesWhenCompiled() {
        // given / when / then
        noClasses().that().resideInAnyPackage("..goals.application..", "..goals.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..goals.api..", "jakarta.ws.rs..",
                        "io.stride.platform.http..")
                .check(CLASSES);
    }
}
