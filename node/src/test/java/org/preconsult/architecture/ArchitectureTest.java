package org.preconsult.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape the code keeps: a framework-free model, wire types only in infrastructure (wire)
 * packages, no cycle between the top-level packages, and no feature that knows the web pages.
 */
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
            .that().resideInAPackage("org.preconsult..")
            .and().resideOutsideOfPackages("org.preconsult.federation.v1..", "..infrastructure..")
            .should().dependOnClassesThat().resideInAPackage("org.preconsult.federation.v1..")
            .because("generated protobuf types belong to the wire adapters (infrastructure) only: every feature"
                    + " speaks the federation's own messages (org.preconsult.federation.model)");

    @ArchTest
    static final ArchRule modelsDoNotReachIntoOtherLayers = noClasses()
            .that().resideInAPackage("..model..")
            .should().dependOnClassesThat().resideInAnyPackage("..application..", "..infrastructure..", "..api..")
            .because("the model is the centre: the other layers depend on it, not the other way round");

    @ArchTest
    static final ArchRule featuresFormNoCycle = slices().matching("org.preconsult.(*)..")
            .should().beFreeOfCycles()
            .because("a feature is read by following calls down to the features it uses, never back up");

    @ArchTest
    static final ArchRule nothingDependsOnTheWebUi = noClasses()
            .that().resideOutsideOfPackage("org.preconsult.web..")
            .should().dependOnClassesThat().resideInAPackage("org.preconsult.web..")
            .because("the web pages call the features; no feature knows its pages");
}
