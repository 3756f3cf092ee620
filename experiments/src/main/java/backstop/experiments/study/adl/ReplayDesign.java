package backstop.experiments.study.adl;

import backstop.protocol.waterfall.AdlPrice;
import backstop.protocol.waterfall.AutoDeleveraging;
import backstop.protocol.waterfall.BackstopVaultAbsorber;
import backstop.protocol.waterfall.HyperliquidRanking;
import backstop.protocol.waterfall.LossAbsorber;
import backstop.protocol.waterfall.MinimalHaircutDeleveraging;
import backstop.protocol.waterfall.ProRataRanking;
import backstop.protocol.waterfall.RiskAwareProRata;
import backstop.protocol.waterfall.SocializedLoss;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The loss mitigations the replay compares, each one absorber of the protocol's waterfall. The contract-space ones
 * (ADL) find no bid for the bankrupt long and offset it against the winners; under the wealth-space ones the bankrupt
 * long is sold at the mark (to the replay's liquidity desk, HLP's role) and the winners pay the deficit in cash.
 * Only {@link #HYPERLIQUID_ORACLE} has a vault (it pays what its ADL at the oracle leaves of the deficit).
 */
public enum ReplayDesign {
    /** Hyperliquid's production queue: HIP-3 index, whole positions in rank order, at the bankruptcy price. */
    QUEUE("queue", false),
    /** Contract-space pro rata: every winner gives up lots ∝ its size, at the bankruptcy price. */
    CONTRACT_PRO_RATA("contract-pro-rata", false),
    /** Only the lots the deficit needs, most profitable per lot first, their whole profit paid. */
    MINIMAL_HAIRCUT("minimal-haircut", false),
    /** Wealth-space pro rata: the deficit from the winners' min(uPnL, value)⁺ pro rata (the paper's benchmark). */
    WEALTH_PRO_RATA("wealth-pro-rata", true),
    /** Chitra's risk-aware pro rata, linear risk g(λ) = λ. */
    RISK_AWARE_PRO_RATA("risk-aware-pro-rata", true),
    /**
     * The {@code hyperliquid} preset's waterfall: the queue at the oracle ("closed at the previous oracle price",
     * MECHANISMS.md §2 [S18]), then the vault (HLP) pays the deficit the offset leaves.
     */
    HYPERLIQUID_ORACLE("hyperliquid-oracle", false);

    private final String id;
    private final boolean bookTakesLoser;

    ReplayDesign(String id, boolean bookTakesLoser) {
        this.id = id;
        this.bookTakesLoser = bookTakesLoser;
    }

    /** The design's name in the study file and in reports. */
    public String id() {
        return id;
    }

    /** Whether the bankrupt long is sold at the mark first (wealth space) rather than offset against winners. */
    public boolean bookTakesLoser() {
        return bookTakesLoser;
    }

    /** A fresh waterfall of this design. */
    public List<LossAbsorber> waterfall() {
        return switch (this) {
            case QUEUE -> List.of(new AutoDeleveraging(new HyperliquidRanking(), AdlPrice.BANKRUPTCY, true));
            case CONTRACT_PRO_RATA -> List.of(new AutoDeleveraging(new ProRataRanking(), AdlPrice.BANKRUPTCY, true));
            case MINIMAL_HAIRCUT -> List.of(new MinimalHaircutDeleveraging());
            case WEALTH_PRO_RATA -> List.of(new SocializedLoss());
            case RISK_AWARE_PRO_RATA -> List.of(new RiskAwareProRata(RiskAwareProRata.Risk.LINEAR, 0, 0));
            case HYPERLIQUID_ORACLE -> List.of(new AutoDeleveraging(new HyperliquidRanking(), AdlPrice.ORACLE, true),
                    new BackstopVaultAbsorber());
        };
    }

    /** The design named {@code id}; a clear error naming the known ones otherwise. */
    public static ReplayDesign of(String id) {
        for (ReplayDesign d : values()) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("design: unknown replay design " + id + "; known: "
                + Arrays.stream(values()).map(ReplayDesign::id).collect(Collectors.joining(", ")));
    }
}
