package backstop.protocol;

import backstop.protocol.context.ProtocolContext;

/** Tests of the policy packages drive a protocol's internal operations directly; nothing outside tests can. */
public final class ProtocolTestAccess {
    private ProtocolTestAccess() {
    }

    /** The protocol's {@link ProtocolContext}, as its mitigation policies see it. */
    public static ProtocolContext context(Protocol p) {
        return p.context();
    }
}
