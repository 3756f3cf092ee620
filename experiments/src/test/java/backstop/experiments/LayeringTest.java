package backstop.experiments;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    /**
     * Issue 12: no package cycles, in any module below the GUI. Measured with jdeps: 4 cyclic groups over 17 packages
     * before; 1 over 3 after RunResult moved to {@code results}, Populations to {@code agents.populations}, ClosedFill
     * to {@code protocol.context} and the parameter registry (Parameter, Parameters, Tunable) out of
     * {@code governance} into {@code protocol.parameters}; none after model's last (agent ↔ metrics ↔ world) was
     * broken: BackstopModel, which assembles world, agents and metrics, moved up to {@code model.sim}, and the world
     * sees a transaction's sender only as a {@code world.Sender}, which Agent implements.
     */
    @Test
    void everyModuleIsFreeOfPackageCycles() {
        for (String module : new String[] {"protocol", "model", "agents", "analysis", "experiments"}) {
            slices().assignedFrom(eachPackageUnder("backstop." + module)).should().beFreeOfCycles().check(BELOW_GUI);
        }
    }

    /** The world's phases are driven only by the model that runs it; agents get the World, never its driver. */
    @Test
    void onlyTheSimulationDrivesTheWorld() {
        noClasses().that().resideOutsideOfPackages("backstop.model.world..", "backstop.model.sim..")
                .should().dependOnClassesThat().haveFullyQualifiedName("backstop.model.world.WorldDriver")
                .check(BELOW_GUI);
    }

    /** One slice per package at or below {@code root} (the root's own classes included, which "root.(**)" leaves out). */
    private static SliceAssignment eachPackageUnder(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                return p.equals(root) || p.startsWith(root + ".") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "every package under " + root;
            }
        };
    }

    /** Names of protocol methods that change its state; an agent may change it only by {@code submit(Tx)}. */
    private static final java.util.regex.Pattern MUTATOR = java.util.regex.Pattern.compile(
            "set[A-Z].*|halt|resume|apply[A-Z].*|refresh|reindexAll|post|cancel.*|transfer.*|settle.*|close.*|liquidate"
                    + "|take|register|addBreaker|payGas|refundGas|beginBlock|endBlock|attach|addListener|seed.*");

    /** Issue 12: agents read public views and act only through transactions. */
    @Test
    void agentsChangeTheProtocolOnlyThroughTransactions() {
        DescribedPredicate<JavaMethodCall> mutates = new DescribedPredicate<>("a protocol method that changes state") {
            @Override
            public boolean test(JavaMethodCall call) {
                String pkg = call.getTargetOwner().getPackageName();
                return pkg.startsWith("backstop.protocol") && !pkg.equals("backstop.protocol.tx") // building a Tx is fine
                        && MUTATOR.matcher(call.getName()).matches();
            }
        };
        noClasses().that().resideInAnyPackage("backstop.agents..", "backstop.model.agent..")
                .should().callMethodWhere(mutates)
                .orShould().dependOnClassesThat().resideInAPackage("backstop.protocol.context..")
                .check(BELOW_GUI);
    }
}
