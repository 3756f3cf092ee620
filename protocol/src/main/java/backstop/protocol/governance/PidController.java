package backstop.protocol.governance;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.parameters.Parameter;
import backstop.protocol.parameters.Parameters;
import backstop.protocol.parameters.Tunable;

/**
 * A PID controller (DESIGN.md §4) that drives an observed quantity to a setpoint by setting one parameter,
 * one step every {@code everyBlocks} blocks. With e = setpoint − observed (observable units), P = kp·e,
 * D = kd·(e − e_previous) (0 on the first step) and the integral term J (parameter units):
 * <pre>
 *   J ← J + ki·e, but not past the bound the output is pushing towards (anti-windup by clamping):
 *       pushing up:   J ← max(J, min(J + ki·e, max − baseline − P − D))
 *       pushing down: J ← min(J, max(J + ki·e, min − baseline − P − D))
 *   u = baseline + P + J + D, rounded to the nearest integer and clamped to [min, max]
 * </pre>
 * where baseline is the parameter's value when the controller took it over and min, max its bounds. So a
 * saturated output leaves its bound as soon as the error turns. Positive gains raise the parameter while
 * the quantity is below its setpoint (e.g. insurance coverage too low → higher margin scale); use negative
 * gains for the opposite. The output is positional: it overwrites changes others made in between. Steps
 * wait for a defined observation. Each change is logged as a {@code parameter_changed} event by
 * {@link #name()}.
 */
public final class PidController implements ParameterController, Tunable {
    private final String name;
    private final Observable observable;
    private final long setpoint;
    private final String parameterName;
    private final double kp;
    private final double ki;
    private final double kd;
    private final long everyBlocks;
    private ControlledParameter controlled;
    private double integral;
    private double previousError;
    private boolean stepped;
    private long lastStep;

    /**
     * @param name        recorded as "by" on every change
     * @param observable  the quantity to control
     * @param setpoint    its target, in the observable's units
     * @param parameter   the registered parameter it sets, e.g. {@code margin.scale_ppm}
     * @param kp          proportional gain, parameter units per observable unit
     * @param ki          integral gain, parameter units per (observable unit × step)
     * @param kd          derivative gain, parameter units per (observable unit / step)
     * @param everyBlocks blocks between steps (≥ 1)
     */
    public PidController(String name, Observable observable, long setpoint, String parameter, double kp, double ki,
                         double kd, long everyBlocks) {
        if (name == null || name.isEmpty() || observable == null || parameter == null) {
            throw new IllegalArgumentException("name, observable and parameter are required, got '" + name + "', "
                    + observable + ", " + parameter);
        }
        if (everyBlocks < 1) {
            throw new IllegalArgumentException("everyBlocks: must be ≥ 1, got " + everyBlocks);
        }
        if (!Double.isFinite(kp) || !Double.isFinite(ki) || !Double.isFinite(kd)) {
            throw new IllegalArgumentException("kp, ki, kd: must be finite, got " + kp + ", " + ki + ", " + kd);
        }
        this.name = name;
        this.observable = observable;
        this.setpoint = setpoint;
        this.parameterName = parameter;
        this.kp = kp;
        this.ki = ki;
        this.kd = kd;
        this.everyBlocks = everyBlocks;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void register(Parameters parameters) {
        controlled = ControlledParameter.resolve(parameters, name, parameterName);
    }

    /** The integral term J, parameter units. */
    public double integralTerm() {
        return integral;
    }

    @Override
    public void onEndBlock(ProtocolContext ctx) {
        if (controlled == null) {
            register(ctx.parameters());
        }
        long block = ctx.block();
        // Read every block, so observables that sample (realized volatility) see each one.
        long observed = observable.observe(ctx);
        if (observed == Observable.NONE || (stepped && block - lastStep < everyBlocks)) {
            return;
        }
        Parameter p = controlled.parameter();
        double e = (double) setpoint - (double) observed;
        double rest = controlled.baseline() + kp * e + (stepped ? kd * (e - previousError) : 0);
        double push = ki * e;
        if (push > 0) {
            integral = Math.max(integral, Math.min(integral + push, p.max() - rest));
        } else if (push < 0) {
            integral = Math.min(integral, Math.max(integral + push, p.min() - rest));
        }
        long value = Math.max(p.min(), Math.min(p.max(), Math.round(rest + integral)));
        ctx.parameters().set(p.name(), value, name, 0);
        previousError = e;
        stepped = true;
        lastStep = block;
    }
}
