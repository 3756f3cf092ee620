package backstop.protocol.parameters;

/**
 * A policy with parameters that governance may change mid-run. The protocol calls {@link #register} once,
 * at construction, before anything else; the policy defines its parameters there and keeps the handles.
 */
public interface Tunable {
    void register(Parameters parameters);
}
