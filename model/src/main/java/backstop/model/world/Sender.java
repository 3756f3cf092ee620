package backstop.model.world;

/**
 * What block execution needs from the sender of a transaction: the account its gas is paid from, and a tally of what
 * it paid. The agents' base class ({@code backstop.model.agent.Agent}) implements it; the world knows no more of them.
 */
public interface Sender {
    /** The account gas is paid from (−1 before the sender has one: its transactions then get {@code GAS_UNPAID}). */
    int gasAccount();

    /** Records gas paid (micro-units, already posted to the validators) for one transaction. */
    void recordGas(long micros);
}
