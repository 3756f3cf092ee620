package backstop.experiments.design;

import backstop.experiments.config.Mechanism;
import backstop.model.spec.Check;
import backstop.model.spec.Doc;
import backstop.protocol.governance.BadDebtWindow;
import backstop.protocol.governance.InsuranceCoverage;
import backstop.protocol.governance.Observable;
import backstop.protocol.governance.ParameterController;
import backstop.protocol.governance.PidController;
import backstop.protocol.governance.RealizedVolatility;
import backstop.protocol.governance.RuleBasedController;
import backstop.protocol.money.Amounts;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A governance controller of a design, chosen by {@code type}; every change it makes is logged. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public sealed interface ControllerSpec {
    ParameterController build();

    /**
     * Rule-based: below {@code low} insurance-fund coverage of open interest raise {@code margin.scale_ppm} by
     * {@code raise} (at most once per {@code cooldownBlocks}); above {@code high} restore it. Needs a
     * {@code scaled} margin model.
     */
    @Mechanism(name = "margin-on-insurance-coverage",
            summary = "rule-based: raise margin.scale_ppm while insurance coverage of open interest is low (needs a "
                    + "scaled margin)",
            example = "{low: 0.1, high: 0.15, raise: 0.1, cooldown_blocks: 10}")
    record MarginOnCoverage(
            @Doc(value = "below this insurance-fund coverage of open-interest notional, raise the margin scale",
                    unit = "fraction", range = "[0, ∞)") double low,
            @Doc(value = "above this coverage, restore the starting scale; ≥ low", unit = "fraction", range = "[0, ∞)")
            double high,
            @Doc(value = "how much one raise adds to the scale (0.1 = +10%)", unit = "×", range = "(0, ∞)") double raise,
            @Doc(value = "at most one raise per this many blocks", unit = "blocks", range = "[1, ∞)") long cooldownBlocks)
            implements ControllerSpec {
        public MarginOnCoverage {
            if (!(high >= low)) {
                throw new IllegalArgumentException("controllers.high: must be ≥ low, got " + high);
            }
            Check.positive("controllers.raise", raise);
            Check.atLeast("controllers.cooldown_blocks", cooldownBlocks, 1);
        }

        @Override
        public ParameterController build() {
            return RuleBasedController.marginOnInsuranceCoverage(Amounts.ppm(low), Amounts.ppm(high), Amounts.ppm(raise),
                    cooldownBlocks);
        }
    }

    /** What a PID controller watches. */
    enum Watch { INSURANCE_COVERAGE, BAD_DEBT_WINDOW, REALIZED_VOLATILITY }

    /**
     * PID: drives the watched quantity (in its own units: ppm for coverage and volatility, quote micros for
     * bad debt) to {@code setpoint} by moving {@code parameter}, one step every {@code everyBlocks}.
     */
    @Mechanism(name = "pid",
            summary = "PID: drives a watched quantity to a setpoint by moving one governance parameter",
            example = "{name: volatility-pid, watch: REALIZED_VOLATILITY, setpoint: 800000, parameter: "
                    + "margin.scale_ppm, kp: -0.5, ki: 0, kd: 0, every_blocks: 10, window_blocks: 0}",
            builtName = "{name}")
    record Pid(
            @Doc(value = "the controller's name, recorded as \"by\" on every change it makes", absent = "required")
            String name,
            @Doc(value = "the quantity watched: INSURANCE_COVERAGE (ppm of open interest), BAD_DEBT_WINDOW (quote micros"
                    + " over window_blocks) or REALIZED_VOLATILITY (ppm)", absent = "required") Watch watch,
            @Doc(value = "the target of the watched quantity, in its units", unit = "ppm or quote micros", absent = "0")
            long setpoint,
            @Doc(value = "the registered parameter it sets, e.g. margin.scale_ppm", absent = "required") String parameter,
            @Doc(value = "proportional gain (positive: raise the parameter while the quantity is below the setpoint)",
                    unit = "parameter units per watched unit", absent = "0") double kp,
            @Doc(value = "integral gain", unit = "parameter units per watched unit × step", absent = "0") double ki,
            @Doc(value = "derivative gain", unit = "parameter units per watched unit / step", absent = "0") double kd,
            @Doc(value = "blocks between steps", unit = "blocks", range = "[1, ∞)") long everyBlocks,
            @Doc(value = "BAD_DEBT_WINDOW: the blocks bad debt is summed over (less than 1: 1)", unit = "blocks")
            int windowBlocks) implements ControllerSpec {
        public Pid {
            Check.required("controllers.name", name);
            Check.required("controllers.watch", watch);
            Check.required("controllers.parameter", parameter);
            Check.atLeast("controllers.every_blocks", everyBlocks, 1);
        }

        @Override
        public ParameterController build() {
            Observable o = switch (watch) {
                case INSURANCE_COVERAGE -> InsuranceCoverage.all();
                case BAD_DEBT_WINDOW -> new BadDebtWindow(Math.max(1, windowBlocks));
                case REALIZED_VOLATILITY -> new RealizedVolatility(0, 940_000, 800_000);
            };
            return new PidController(name, o, setpoint, parameter, kp, ki, kd, everyBlocks);
        }
    }
}
