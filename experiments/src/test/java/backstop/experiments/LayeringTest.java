package backstop.experiments;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** DESIGN.md §1: nothing below the gui module imports Swing or AWT, and lower layers never reach up. */
class LayeringTest {
    private static final JavaClasses BELOW_GUI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("backstop.protocol", "backstop.model", "backstop.agents", "backstop.analysis",
                    "backstop.experiments");

    @Test
    void noModuleBelowGuiImportsSwingOrAwt() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javax.swing..")
                .check(BELOW_GUI);
        // Charts render PNGs headless through JFreeChart, which needs java.awt; nothing else may.
        noClasses().that().resideOutsideOfPackage("backstop.analysis.charts..")
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..")
                .check(BELOW_GUI);
    }

    @Test
    void lowerLayersNeverDependOnHigherOnes() {
        noClasses().that().resideInAPackage("backstop.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("backstop.model..", "backstop.agents..",
                        "backstop.experiments..", "backstop.analysis..", "backstop.gui..")
                .check(BELOW_GUI);
        noClasses().that().resideInAnyPackage("backstop.model..", "backstop.agents..", "backstop.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("backstop.experiments..", "backstop.gui..")
                .allowEmptyShould(true)
                .check(BELOW_GUI);
    }
}
