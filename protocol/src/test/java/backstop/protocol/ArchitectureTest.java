package backstop.protocol;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** DESIGN.md §1: the protocol is a pure state machine — no MASON, no Swing/AWT, no I/O. */
class ArchitectureTest {
    private static final JavaClasses PROTOCOL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("backstop.protocol");

    @Test
    void protocolNeverLearnsThatMasonOrSwingExist() {
        ArchRule rule = noClasses().that().resideInAPackage("backstop.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("sim..", "ec..", "java.awt..", "javax.swing..");
        rule.check(PROTOCOL);
    }

    @Test
    void protocolDoesNoIo() {
        ArchRule rule = noClasses().that().resideInAPackage("backstop.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.System");
        rule.check(PROTOCOL);
    }
}
