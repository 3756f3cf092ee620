package backstop.protocol.governance;

import backstop.protocol.context.ProtocolContext;

/**
 * A governance controller (DESIGN.md §4): at the end of every block it observes the protocol and may change
 * parameters through {@code ctx.parameters().set(...)}, which logs each change. Rule-based and PID
 * controllers implement this.
 */
public interface ParameterController {
    /** Short name, used as the "by" of the changes it makes. */
    String name();

    void onEndBlock(ProtocolContext ctx);
}
