package backstop.experiments.design;

import backstop.experiments.config.Mechanism;
import backstop.model.spec.Check;
import backstop.model.spec.Doc;
import backstop.protocol.money.Amounts;
import backstop.protocol.waterfall.AdlPrice;
import backstop.protocol.waterfall.AutoDeleveraging;
import backstop.protocol.waterfall.BackstopVaultAbsorber;
import backstop.protocol.waterfall.BinanceInsuranceFund;
import backstop.protocol.waterfall.EngineTakeover;
import backstop.protocol.waterfall.FundingBumpSocialization;
import backstop.protocol.waterfall.InsuranceFundAbsorber;
import backstop.protocol.waterfall.InsurancePool;
import backstop.protocol.waterfall.LossAbsorber;
import backstop.protocol.waterfall.MinimalHaircutDeleveraging;
import backstop.protocol.waterfall.PooledInsuranceAbsorber;
import backstop.protocol.waterfall.RiskAwareProRata;
import backstop.protocol.waterfall.SocializedLoss;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One step of a design's loss waterfall, chosen by {@code type}; the list order is the waterfall order
 * (see {@code LossAbsorber} for its two stages).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public sealed interface AbsorberSpec {
    /** A fresh absorber for one protocol instance; {@code seed} feeds randomized rankings. */
    LossAbsorber build(long seed);

    @Mechanism(name = "insurance-fund", summary = "the insurance fund pays what it holds")
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
    @Mechanism(name = "binance-insurance-fund",
            summary = "Binance's fund rules: a size cap on what it covers, and an exit after a fast fall",
            example = "{max_notional: 0.2, exit_loss: 0.075, window_seconds: 28800, exit_seconds: 28800}")
    record BinanceFund(
            @Doc(value = "no cover for a position above this share of the fund's balance (Binance: 0.2; 0: no cap)",
                    unit = "fraction", range = "[0, 1]") double maxNotional,
            @Doc(value = "a fall from the window's peak balance of this share makes the fund stop paying (Binance: 0.075;"
                    + " 0: never)", unit = "fraction", range = "[0, 1]") double exitLoss,
            @Doc(value = "the rolling window of the exit_loss check (Binance: 28800)", unit = "seconds", range = "[0, ∞)")
            long windowSeconds,
            @Doc(value = "how long the fund stays out after an exit (Binance: 28800)", unit = "seconds", range = "[0, ∞)")
            long exitSeconds) implements AbsorberSpec {
        @Override
        public LossAbsorber build(long seed) {
            return new BinanceInsuranceFund(Amounts.ppm(maxNotional), Amounts.ppm(exitLoss), windowSeconds, exitSeconds);
        }
    }

    /**
     * The liquidation engine takes a bankrupt position over while the fund listed before it can pay, and closes it
     * into the book within {@code slippage} of the oracle; the fund pays the deficit (BitMEX, Binance).
     */
    @Mechanism(name = EngineTakeover.NAME,
            summary = "the engine takes a bankrupt position over while the fund before it can pay, and closes it in the book",
            example = "{slippage: 0.1}")
    record Takeover(
            @Doc(value = "how far from the oracle the engine's closing orders may fill, in (0, 1)", unit = "fraction",
                    range = "(0, 1)", absent = "required") Double slippage) implements AbsorberSpec {
        public Takeover {
            Check.required("slippage", slippage);
        }

        @Override
        public LossAbsorber build(long seed) {
            return new EngineTakeover(Amounts.ppm(slippage));
        }
    }

    /**
     * Auto-deleveraging: the bankrupt account's positions are closed against ranked opposite-side accounts
     * at {@code price} (bankruptcy, oracle or mark); {@code winnersOnly} skips accounts not in profit.
     */
    @Mechanism(name = "adl",
            summary = "auto-deleveraging: the bankrupt account's positions close against ranked opposite-side "
                    + "accounts",
            example = "{ranking: HYPERLIQUID, price: ORACLE, winners_only: true}",
            builtName = "adl-{ranking}")
    record Adl(
            @Doc(value = "how opposite-side accounts are ordered (the names below)", absent = "required") RankingSpec ranking,
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
            return new AutoDeleveraging(ranking.build(seed), price, winnersOnly);
        }
    }

    @Mechanism(name = "adl-minimal-haircut",
            summary = "ADL closing only what the deficit needs, most profitable winners first")
    record MinimalHaircut() implements AbsorberSpec {
        @Override
        public LossAbsorber build(long seed) {
            return new MinimalHaircutDeleveraging();
        }
    }

    @Mechanism(name = "socialized-loss", summary = "haircut on the winners' unrealized profit, pro rata")
    record Socialized() implements AbsorberSpec {
        @Override
        public LossAbsorber build(long seed) {
            return new SocializedLoss();
        }
    }

    @Mechanism(name = "funding-bump",
            summary = "Drift: the residual charged to every position holder in proportion to size")
    record FundingBump() implements AbsorberSpec {
        @Override
        public LossAbsorber build(long seed) {
            return new FundingBumpSocialization();
        }
    }

    @Mechanism(name = "backstop-vault",
            summary = "the backstop vault's free collateral pays deficits (after the insurance fund, usually)")
    record Vault() implements AbsorberSpec {
        @Override
        public LossAbsorber build(long seed) {
            return new BackstopVaultAbsorber();
        }
    }

    /**
     * Chitra's risk-aware pro rata (arXiv 2512.01112, §7.1): winners' profit haircut in proportion to equity ×
     * λ·g(λ) (or, with {@code mass: PROFIT}, unrealized profit × λ·g(λ)), λ = |notional| / account value, each at
     * most its profit; {@code risk} is g.
     */
    @Mechanism(name = "risk-aware-pro-rata",
            summary = "RAP (Chitra): winners' profit haircut pro rata to equity × λ·g(λ), tilted toward high leverage",
            example = "{risk: LINEAR, exponent: 2, threshold: 1}")
    record RiskAware(
            @Doc(value = "the risk model g of leverage λ: LINEAR g = λ (levered pro rata), POWER g = λ^exponent, CVAR"
                    + " g = (λ − threshold)⁺", absent = "LINEAR") RiskAwareProRata.Risk risk,
            @Doc(value = "POWER: the exponent of λ", unit = "×", range = "[1, 4]", absent = "2") Integer exponent,
            @Doc(value = "CVAR: the leverage above which a winner is haircut at all", unit = "×", range = "[0, 1000]",
                    absent = "1") Double threshold,
            @Doc(value = "what the risk weight λ·g(λ) multiplies: EQUITY (the paper's worked example, shares ∝ equity ×"
                    + " λ·g(λ)) or PROFIT (the corrected Algorithm 2: shares ∝ unrealized profit × λ·g(λ))",
                    absent = "EQUITY") RiskAwareProRata.Mass mass) implements AbsorberSpec {
        public RiskAware {
            risk = risk == null ? RiskAwareProRata.Risk.LINEAR : risk;
            exponent = exponent == null ? 2 : exponent;
            threshold = threshold == null ? 1.0 : threshold;
            mass = mass == null ? RiskAwareProRata.Mass.EQUITY : mass;
        }

        @Override
        public LossAbsorber build(long seed) {
            return new RiskAwareProRata(risk, exponent, Amounts.ppm(threshold), mass);
        }
    }

    /**
     * Insurance pooled across this protocol's markets: a pool of {@code pool} quote units outside the protocol,
     * each market drawing at most {@code capPerMarket} in total — between one shared fund (no caps) and per-market
     * funds (no pool); put after {@code insurance-fund} with {@code insurance_per_market: true}. One market's debt
     * spends what another's later finds (the cross-domain insurance drain). Draws count as {@code insurance_drawn}.
     */
    @Mechanism(name = "pooled-insurance",
            summary = "insurance pooled across markets, each drawing at most a cap (after insurance-fund, with "
                    + "insurance_per_market)",
            example = "{pool: 300000, cap_per_market: 150000}")
    record PooledInsurance(
            @Doc(value = "quote units in the pool, outside the protocol", unit = "quote units", range = "[0, ∞)") double pool,
            @Doc(value = "most one market may draw from the pool in total", unit = "quote units", range = "[0, ∞)")
            double capPerMarket) implements AbsorberSpec {
        @Override
        public LossAbsorber build(long seed) {
            return PooledInsuranceAbsorber.perMarket(new InsurancePool(Amounts.micros(Math.round(pool))),
                    Amounts.micros(Math.round(capPerMarket)));
        }
    }
}
