package backstop.experiments.design;

import backstop.model.spec.Check;
import backstop.protocol.governance.BadDebtWindow;
import backstop.protocol.governance.InsuranceCoverage;
import backstop.protocol.governance.Observable;
import backstop.protocol.governance.ParameterController;
import backstop.protocol.governance.PidController;
import backstop.protocol.governance.RealizedVolatility;
import backstop.protocol.governance.RuleBasedController;
import backstop.protocol.money.Amounts;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A governance controller of a design, chosen by {@code type}; every change it makes is logged. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ControllerSpec.MarginOnCoverage.class, name = "margin-on-insurance-coverage"),
        @JsonSubTypes.Type(value = ControllerSpec.Pid.class, name = "pid"),
})
public sealed interface ControllerSpec {
    ParameterController build();

    /**
     * Rule-based: below {@code low} insurance-fund coverage of open interest raise {@code margin.scale_ppm} by
     * {@code raise} (at most once per {@code cooldownBlocks}); above {@code high} restore it. Needs a
     * {@code scaled} margin model.
     */
    record MarginOnCoverage(double low, double high, double raise, long cooldownBlocks) implements ControllerSpec {
        public MarginOnCoverage {
            Check.nonNegative("controllers.low", low);
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
    record Pid(String name, Watch watch, long setpoint, String parameter, double kp, double ki, double kd,
               long everyBlocks, int windowBlocks) implements ControllerSpec {
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
