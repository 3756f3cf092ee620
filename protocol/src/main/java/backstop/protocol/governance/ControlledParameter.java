package backstop.protocol.governance;

import backstop.protocol.parameters.Parameter;
import backstop.protocol.parameters.Parameters;

/**
 * A parameter under a controller's control and its baseline: the value it had when the controller took it
 * over (what a rule restores to, and the PID controller's bias).
 */
record ControlledParameter(Parameter parameter, long baseline) {

    /** Takes over the parameter of this name, failing with a message that names it and what is defined. */
    static ControlledParameter resolve(Parameters parameters, String controller, String name) {
        if (!parameters.has(name)) {
            StringBuilder defined = new StringBuilder();
            for (Parameter p : parameters.all()) {
                defined.append(defined.length() == 0 ? "" : ", ").append(p.name());
            }
            throw new IllegalArgumentException("controller '" + controller + "' drives parameter '" + name
                    + "', which no policy of this design registers (defined: [" + defined
                    + "]); e.g. margin.scale_ppm needs a ScaledMargin as the margin model");
        }
        Parameter p = parameters.get(name);
        return new ControlledParameter(p, p.value());
    }
}
