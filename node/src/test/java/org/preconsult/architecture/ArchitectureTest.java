package org.preconsult.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shape the code keeps: a framework-free model, and wire types only at the federation edge. */
@AnalyzeClasses(packages = "org.preconsult", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelsKnowNoFramework = noClasses()
            .that().resideInAPackage("..model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.micronaut..", "io.grpc..", "com.google.protobuf..", "java.sql..", "javax.sql..",
                    "org.apache.lucene..", "org.preconsult.federation.v1..", "jakarta.persistence..")
            .because("the model is plain Java: rules stay readable and testable without a framework");

    @ArchTest
    static final ArchRule protoTypesStayAtTheEdge = noClasses()
            .that().resideInAnyPackage("..plan..", "..system..", "..catalogue..", "..redundancy..", "..identity..",
                    "..audit..", "..review.application..", "..review.model..", "..review.api..", "..common..",
                    "..lifecycle..", "..practice..", "..adoption.model..", "..adoption.application..", "..adoption.api..")
            .should().dependOnClassesThat().resideInAPackage("org.preconsult.federation.v1..")
            .because("generated protobuf types belong to the sync and signing adapters only");

    @ArchTest
    static final ArchRule modelsDoNotReachIntoOtherLayers = noClasses()
            .that().resideInAPackage("..model..")
            .should().dependOnClassesThat().resideInAnyPackage("..application..", "..infrastructure..", "..api..")
            .because("the model is the centre: the other layers depend on it, not the other way round");
}
