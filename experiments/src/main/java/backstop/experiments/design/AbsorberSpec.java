package backstop.experiments.design;

import backstop.model.spec.Check;
import backstop.model.spec.Doc;
import backstop.protocol.money.Amounts;
import backstop.protocol.waterfall.AdlPrice;
import backstop.protocol.waterfall.AdlRanking;
import backstop.protocol.waterfall.AutoDeleveraging;
import backstop.protocol.waterfall.BinanceInsuranceFund;
import backstop.protocol.waterfall.BinanceRanking;
import backstop.protocol.waterfall.BitmexRanking;
import backstop.protocol.waterfall.FundingBumpSocialization;
import backstop.protocol.waterfall.HyperliquidRanking;
import backstop.protocol.waterfall.InsuranceFundAbsorber;
import backstop.protocol.waterfall.InsurancePool;
import backstop.protocol.waterfall.LossAbsorber;
import backstop.protocol.waterfall.MinimalHaircutDeleveraging;
import backstop.protocol.waterfall.PooledInsuranceAbsorber;
import backstop.protocol.waterfall.ProRataRanking;
import backstop.protocol.waterfall.RandomRanking;
import backstop.protocol.waterfall.SocializedLoss;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One step of a design's loss waterfall, chosen by {@code type}; the list order is the waterfall order
 * (see {@code LossAbsorber} for its two stages).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AbsorberSpec.InsuranceFund.class, name = "insurance-fund"),
        @JsonSubTypes.Type(value = AbsorberSpec.BinanceFund.class, name = "binance-insurance-fund"),
        @JsonSubTypes.Type(value = AbsorberSpec.Adl.class, name = "adl"),
        @JsonSubTypes.Type(value = AbsorberSpec.MinimalHaircut.class, name = "adl-minimal-haircut"),
        @JsonSubTypes.Type(value = AbsorberSpec.Socialized.class, name = "socialized-loss"),
        @JsonSubTypes.Type(value = AbsorberSpec.FundingBump.class, name = "funding-bump"),
        @JsonSubTypes.Type(value = AbsorberSpec.Vault.class, name = "backstop-vault"),
        @JsonSubTypes.Type(value = AbsorberSpec.PooledInsurance.class, name = "pooled-insurance"),
})
public sealed interface AbsorberSpec {
    /** A fresh absorber for one protocol instance; {@code seed} feeds randomized rankings. */
    LossAbsorber build(long seed);

    /** The insurance fund pays what it holds. */
    @Doc("the insurance fund pays what it holds")
    record InsuranceFund() implements AbsorberSpec {
        @Override
        public LossAbsorber build(long seed) {
            return new InsuranceFundAbsorber();
        }
    }

    /**
     * Binance's fund rules (MECHANISMS.md §3): no cover for a position above {@code maxNotional} of the fund;
     * after a fall of {@code exitLoss} within {@code windowSeconds} it stops paying for {@code exitSeconds}.
     * 0 switches a rule off.
     */
    @Doc("Binance's fund rules: a size cap on what it covers, and an exit after a fast fall")
    record BinanceFund(
            @Doc(value = "no cover for a position above this share of the fund's balance (Binance: 0.2; 0: no cap)",
                    unit = "fraction", range = "[0, 1]") double maxNotional,
            @Doc(value = "a fall from the window's peak balance of this share makes the fund stop paying (Binance: 0.075;"
                    + " 0: never)", unit = "fraction", range = "[0, 1]") double exitLoss,
            @Doc(value = "the rolling window of the exit_loss check (Binance: 28800)", unit = "seconds", range = "[0, ∞)")
            long windowSeconds,
            @Doc(value = "how long the fund stays out after an exit (Binance: 28800)", unit = "seconds", range = "[0, ∞)")
            long exitSeconds) implements AbsorberSpec {
        public BinanceFund {
            Check.fraction("max_notional", maxNotional);
            Check.fraction("exit_loss", exitLoss);
            Check.atLeast("window_seconds", windowSeconds, 0);
            Check.atLeast("exit_seconds", exitSeconds, 0);
        }

        @Override
        public LossAbsorber build(long seed) {
            return new BinanceInsuranceFund(Amounts.ppm(maxNotional), Amounts.ppm(exitLoss), windowSeconds, exitSeconds);
        }
    }

    /** How ADL orders the opposite side. */
    enum Ranking { BITMEX, BINANCE, HYPERLIQUID, PRO_RATA, RANDOM }

    /**
     * Auto-deleveraging: the bankrupt account's positions are closed against ranked opposite-side accounts
     * at {@code price} (bankruptcy, oracle or mark); {@code winnersOnly} skips accounts not in profit.
     */
    @Doc("auto-deleveraging: the bankrupt account's positions close against ranked opposite-side accounts")
    record Adl(
            @Doc(value = "how opposite-side accounts are ordered: BITMEX (PnL% × leverage), BINANCE (PnL% × margin"
                    + " ratio), HYPERLIQUID (mark/entry × leverage), PRO_RATA (by size) or RANDOM", absent = "required") Ranking ranking,
            @Doc(value = "the price positions are closed at: the bankrupt account's BANKRUPTCY price, the ORACLE or the"
                    + " MARK", absent = "BANKRUPTCY") AdlPrice price,
            @Doc(value = "skip opposite-side accounts that are not in profit", absent = "false") boolean winnersOnly)
            implements AbsorberSpec {
        public Adl {
            Check.required("ranking", ranking);
            price = price == null ? AdlPrice.BANKRUPTCY : price;
        }

        @Override
        public LossAbsorber build(long seed) {
            AdlRanking r = switch (ranking) {
                case BITMEX -> new BitmexRanking();
                case BINANCE -> new BinanceRanking();
                case HYPERLIQUID -> new HyperliquidRanking();
                case PRO_RATA -> new ProRataRanking();
                case RANDOM -> new RandomRanking(seed);
            };
            return new AutoDeleveraging(r, price, winnersOnly);
        }
    }

    /** ADL that closes only what the deficit needs, most profitable winners first. */
    @Doc("ADL closing only what the deficit needs, most profitable winners first")
    record MinimalHaircut() implements AbsorberSpec {
        @Override
        public LossAbsorber build(long seed) {
            return new MinimalHaircutDeleveraging();
        }
    }

    /** Haircut on the winners' unrealized profit, pro rata. */
    @Doc("haircut on the winners' unrealized profit, pro rata")
    record Socialized() implements AbsorberSpec {
        @Override
        public LossAbsorber build(long seed) {
            return new SocializedLoss();
        }
    }

    /** Drift: the residual charged to every position holder in proportion to size. */
    @Doc("Drift: the residual charged to every position holder in proportion to size")
    record FundingBump() implements AbsorberSpec {
        @Override
        public LossAbsorber build(long seed) {
            return new FundingBumpSocialization();
        }
    }

    /** The backstop vault's free collateral pays deficits (after the insurance fund, usually). */
    @Doc("the backstop vault's free collateral pays deficits")
    record Vault() implements AbsorberSpec {
        @Override
        public LossAbsorber build(long seed) {
            return new backstop.protocol.waterfall.BackstopVaultAbsorber();
        }
    }

    /**
     * Insurance pooled across this protocol's markets: a pool of {@code pool} quote units outside the protocol,
     * each market drawing at most {@code capPerMarket} in total — between one shared fund (no caps) and per-market
     * funds (no pool); put after {@code insurance-fund} with {@code insurance_per_market: true}. One market's debt
     * spends what another's later finds (the cross-domain insurance drain). Draws count as {@code insurance_drawn}.
     */
    @Doc("insurance pooled across markets, each drawing at most a cap (after insurance-fund, with insurance_per_market)")
    record PooledInsurance(
            @Doc(value = "quote units in the pool, outside the protocol", unit = "quote units", range = "[0, ∞)") double pool,
            @Doc(value = "most one market may draw from the pool in total", unit = "quote units", range = "[0, ∞)")
            double capPerMarket) implements AbsorberSpec {
        public PooledInsurance {
            Check.nonNegative("pool", pool);
            Check.nonNegative("cap_per_market", capPerMarket);
        }

        @Override
        public LossAbsorber build(long seed) {
            return PooledInsuranceAbsorber.perMarket(new InsurancePool(Amounts.micros(Math.round(pool))),
                    Amounts.micros(Math.round(capPerMarket)));
        }
    }
}
