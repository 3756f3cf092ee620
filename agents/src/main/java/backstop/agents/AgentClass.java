package backstop.agents;

/** The agent classes of DESIGN.md §5; an account's tag is the ordinal, so value flows attribute by class. */
public enum AgentClass {
    TRADER, MARKET_MAKER, ARBITRAGEUR, LIQUIDATOR, VAULT_LP, ADVERSARY;

    /** The account tag of this class. */
    public int tag() {
        return ordinal();
    }
}
