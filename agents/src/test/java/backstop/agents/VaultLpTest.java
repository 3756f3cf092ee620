package backstop.agents;

import backstop.agents.populations.Populations;
import backstop.agents.params.Dist;
import backstop.agents.vault.VaultLp;
import backstop.model.agent.AgentFactory;
import backstop.model.sim.BackstopModel;
import backstop.protocol.ProtocolConfig;
import backstop.protocol.event.EventLog;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.liquidation.BackstopVaultTakeover;
import backstop.protocol.money.Amounts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the backstop vault loses on positions it took over in a crash, its LPs run for the exit. */
class VaultLpTest {
    @Test
    void lpsWithdrawWhenTheVaultsSharePriceFalls() {
        List<AgentFactory> populations = new ArrayList<>(TestWorlds.populations(300, new Dist.Constant(1_000)));
        // Each keeps 1% in its account to pay gas with: an LP with everything in the vault could not pay to withdraw.
        populations.add(new Populations.VaultLps("lps", 10, new Dist.Constant(200_000), new Dist.Constant(0.99),
                new Dist.Constant(0.01), new Dist.Constant(10), new Dist.Constant(0.1), null));
        EventLog log = new EventLog();
        BackstopModel model = new BackstopModel(12, TestWorlds.crash(900, 0.3, 120, 1),
                m -> ProtocolConfig.builder(m).liquidation(BackstopVaultTakeover.hyperliquid())
                        .backstopVaultSeed(Amounts.micros(1_000_000)).vaultLockupSeconds(0).build(),
                populations, log);
        model.runToEnd();
        assertEquals(0, model.world().protocol().ledger().total());
        long takeovers = log.of(ProtocolEvent.PositionTransfer.class).size();
        long deposits = log.of(ProtocolEvent.Transfer.class).stream()
                .filter(t -> t.kind() == ProtocolEvent.Transfer.Kind.VAULT_DEPOSIT).count();
        long exits = model.agents().stream().filter(a -> a instanceof VaultLp lp && lp.exiting()).count();
        long withdrawals = log.of(ProtocolEvent.Transfer.class).stream()
                .filter(t -> t.kind() == ProtocolEvent.Transfer.Kind.VAULT_WITHDRAWAL).count();
        assertEquals(10, deposits, "every LP deposited at genesis");
        assertTrue(takeovers > 0, "the vault took positions over");
        assertTrue(exits > 0 && withdrawals > 0, "LPs ran (" + exits + " deciding, " + withdrawals + " withdrawals)");
    }
}
