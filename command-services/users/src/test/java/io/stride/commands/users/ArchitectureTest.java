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
}
