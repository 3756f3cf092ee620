package backstop.experiments.design;

import backstop.model.spec.Check;
import backstop.model.spec.Doc;
import backstop.protocol.liquidation.Abacus;
import backstop.protocol.liquidation.AuctionTerms;
import backstop.protocol.liquidation.BackstopVaultTakeover;
import backstop.protocol.liquidation.BankruptcyLimit;
import backstop.protocol.liquidation.DutchAuctionLiquidation;
import backstop.protocol.liquidation.ExponentialDecrease;
import backstop.protocol.liquidation.LinearDecrease;
import backstop.protocol.liquidation.StairstepExponentialDecrease;
import backstop.protocol.liquidation.CloseFactorRule;
import backstop.protocol.liquidation.DydxBlockLimits;
import backstop.protocol.liquidation.FillablePrice;
import backstop.protocol.liquidation.FullCloseLiquidation;
import backstop.protocol.liquidation.HyperliquidChunks;
import backstop.protocol.liquidation.LiquidationLimit;
import backstop.protocol.liquidation.LiquidationPolicy;
import backstop.protocol.liquidation.LiquidationThrottle;
import backstop.protocol.liquidation.MarginRatioStepRule;
import backstop.protocol.liquidation.PartialCloseRule;
import backstop.protocol.liquidation.PartialLiquidation;
import backstop.protocol.liquidation.PenaltySplit;
import backstop.protocol.liquidation.SlippageLimit;
import backstop.protocol.liquidation.SynthetixWindow;
import backstop.protocol.liquidation.TargetHealthRule;
import backstop.protocol.liquidation.ThrottledLiquidation;

import java.util.List;
import backstop.protocol.money.Amounts;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The liquidation policy of a design, chosen by {@code type}. Fractions are decimals (0.015 = 1.5%). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LiquidationSpec.FullClose.class, name = "full-close"),
        @JsonSubTypes.Type(value = LiquidationSpec.Partial.class, name = "partial"),
        @JsonSubTypes.Type(value = LiquidationSpec.Throttled.class, name = "throttled"),
        @JsonSubTypes.Type(value = LiquidationSpec.DutchAuction.class, name = "dutch-auction"),
        @JsonSubTypes.Type(value = LiquidationSpec.VaultTakeover.class, name = "vault-takeover"),
})
public sealed interface LiquidationSpec {
    /**
     * A fresh policy for one protocol instance of {@code markets} markets; a per-market list that does not fit
     * them is refused (IllegalArgumentException naming the key).
     */
    LiquidationPolicy build(int markets);

    /**
     * A market count every per-market list of this policy fits (the length of Synthetix's {@code capacity_lots};
     * 1 when it lists nothing per market): what the design builds it for to check it before a scenario is known.
     */
    default int listedMarkets() {
        return 1;
    }

    /** Who starts a liquidation. */
    enum Trigger { PROTOCOL, KEEPER }

    /** Penalty on closed notional and the keeper's share of it (the rest goes to the insurance fund). */
    record Penalty(
            @Doc(value = "penalty charged on the notional a liquidation closes (0.015 = 1.5%)", unit = "fraction",
                    range = "[0, 1]", absent = "0") double rate,
            @Doc(value = "share of the penalty paid to the keeper; the rest goes to the insurance fund", unit = "fraction",
                    range = "[0, 1]", absent = "0") double keeperShare) {
        public Penalty {
            Check.fraction("penalty.rate", rate);
            Check.fraction("penalty.keeper_share", keeperShare);
        }

        PenaltySplit split() {
            return new PenaltySplit(Amounts.ppm(rate), Amounts.ppm(keeperShare));
        }
    }

    /** Close every position into the book at once, no worse than {@code limit}. */
    @Doc("close every position into the book at once, no worse than the limit")
    record FullClose(@Doc(value = "the liquidation penalty on closed notional and the keeper's share of it", absent = "required") Penalty penalty, @Doc(value = "the price limit of each liquidation order", absent = "required") LimitSpec limit,
                     @Doc(value = "who starts a liquidation: PROTOCOL (at each block end) or KEEPER (keepers call it, for their reward)", absent = "PROTOCOL") Trigger trigger) implements LiquidationSpec {
        public FullClose {
            Check.required("liquidation.penalty", penalty);
            Check.required("liquidation.limit", limit);
            trigger = trigger == null ? Trigger.PROTOCOL : trigger;
        }

        @Override
        public LiquidationPolicy build(int markets) {
            return new FullCloseLiquidation(penalty.split(), limit.build(), trigger == Trigger.PROTOCOL);
        }
    }

    /** Close part of a position per step, as {@code rule} says, bounded by {@code limit}. */
    @Doc("close part of a position per step, as the rule says, bounded by the limit")
    record Partial(@Doc(value = "how much one step closes", absent = "required") RuleSpec rule, @Doc(value = "the price limit of each liquidation order", absent = "required") LimitSpec limit, @Doc(value = "the liquidation penalty on closed notional and the keeper's share of it", absent = "required") Penalty penalty,
                   @Doc(value = "who starts a liquidation: PROTOCOL (at each block end) or KEEPER (keepers call it, for their reward)", absent = "PROTOCOL") Trigger trigger) implements LiquidationSpec {
        public Partial {
            Check.required("liquidation.rule", rule);
            Check.required("liquidation.limit", limit);
            Check.required("liquidation.penalty", penalty);
            trigger = trigger == null ? Trigger.PROTOCOL : trigger;
        }

        @Override
        public LiquidationPolicy build(int markets) {
            return new PartialLiquidation(rule.build(), limit.build(), penalty.split(), trigger == Trigger.PROTOCOL);
        }
    }

    /** Multi-step liquidation capped per block, per cooldown or per window. */
    @Doc("multi-step liquidation capped per block, per cooldown or per window")
    record Throttled(@Doc(value = "the caps on what is liquidated", absent = "required") ThrottleSpec throttle, @Doc(value = "the price limit of each liquidation order", absent = "required") LimitSpec limit, @Doc(value = "the liquidation penalty on closed notional and the keeper's share of it", absent = "required") Penalty penalty,
                     @Doc(value = "who starts a liquidation: PROTOCOL (at each block end) or KEEPER (keepers call it, for their reward)", absent = "PROTOCOL") Trigger trigger) implements LiquidationSpec {
        public Throttled {
            Check.required("liquidation.throttle", throttle);
            Check.required("liquidation.limit", limit);
            Check.required("liquidation.penalty", penalty);
            trigger = trigger == null ? Trigger.PROTOCOL : trigger;
        }

        @Override
        public LiquidationPolicy build(int markets) {
            return new ThrottledLiquidation(throttle.build(markets), limit.build(), penalty.split(), trigger == Trigger.PROTOCOL);
        }

        @Override
        public int listedMarkets() {
            return throttle.listedMarkets();
        }
    }

    /** The price decay of a Dutch auction (Maker's abacus). */
    enum Decay { LINEAR, STAIRSTEP, EXPONENTIAL }

    /**
     * Maker LIQ-2.0 clip (MECHANISMS.md §6): the whole position is seized into a Dutch auction starting at
     * oracle × {@code buf}, decaying by {@code decay}; reset after {@code tailSeconds} or below {@code cusp} × top;
     * keepers earn {@code tip} (quote) + {@code chip} × tab; {@code chop} is the penalty; {@code hole} and
     * {@code ilkHole} cap active auction debt (quote units). Needs a vault (the auctions' holder).
     */
    @Doc("Maker LIQ-2.0: the position is seized into a Dutch auction that keepers buy from (needs a vault)")
    record DutchAuction(
            @Doc(value = "how the auction price falls: LINEAR (to 0 over tau_seconds), STAIRSTEP (× cut every"
                    + " step_seconds) or EXPONENTIAL (× cut per second)", absent = "required") Decay decay,
            @Doc(value = "LINEAR: seconds until the price reaches 0 (must be ≥ 1 there; ignored otherwise)",
                    unit = "seconds", range = "[0, ∞)") long tauSeconds,
            @Doc(value = "STAIRSTEP/EXPONENTIAL: the factor the price is multiplied by per step or per second (0.99)",
                    unit = "fraction", range = "[0, 1]") double cut,
            @Doc(value = "STAIRSTEP: seconds between price steps (must be ≥ 1 there; ignored otherwise)", unit = "seconds",
                    range = "[0, ∞)") long stepSeconds,
            @Doc(value = "starting price: oracle × buf (Maker buf; 1.3 = 30% above the oracle)", unit = "×",
                    range = "(0, 2)") double buf,
            @Doc(value = "an auction is reset once older than this (Maker tail)", unit = "seconds", range = "[1, ∞)")
            long tailSeconds,
            @Doc(value = "… or once its price is below cusp × the starting price (Maker cusp)", unit = "fraction",
                    range = "[0, 1]") double cusp,
            @Doc(value = "keeper incentive on kick and reset, a share of the tab (Maker chip)", unit = "fraction",
                    range = "[0, 1]") double chip,
            @Doc(value = "flat keeper incentive on kick and reset (Maker tip)", unit = "quote units", range = "[0, ∞)")
            double tip,
            @Doc(value = "liquidation penalty added to the debt: tab = debt × (1 + chop) (Maker chop − 1; 0.13 = 13%)",
                    unit = "fraction", range = "[0, 1]") double chop,
            @Doc(value = "no kick may lift the tabs of all active auctions above this (Maker Hole)", unit = "quote units",
                    range = "(0, ∞)") double hole,
            @Doc(value = "… nor those of one market above this (Maker ilk.hole)", unit = "quote units", range = "(0, ∞)")
            double ilkHole,
            @Doc(value = "who starts a liquidation: PROTOCOL (at each block end) or KEEPER (keepers call it, for their reward)", absent = "KEEPER") Trigger trigger) implements LiquidationSpec {
        public DutchAuction {
            Check.required("liquidation.decay", decay);
            Check.positive("liquidation.buf", buf);
            Check.fraction("liquidation.cusp", cusp);
            Check.fraction("liquidation.chip", chip);
            Check.nonNegative("liquidation.tip", tip);
            Check.nonNegative("liquidation.chop", chop);
            Check.positive("liquidation.hole", hole);
            Check.positive("liquidation.ilk_hole", ilkHole);
            Check.atLeast("liquidation.tail_seconds", tailSeconds, 1);
            trigger = trigger == null ? Trigger.KEEPER : trigger;
        }

        @Override
        public LiquidationPolicy build(int markets) {
            Abacus abacus = switch (decay) {
                case LINEAR -> new LinearDecrease(Check.atLeast("liquidation.tau_seconds", tauSeconds, 1));
                case STAIRSTEP -> new StairstepExponentialDecrease(Amounts.ppm(Check.fraction("liquidation.cut", cut)),
                        Check.atLeast("liquidation.step_seconds", stepSeconds, 1));
                case EXPONENTIAL -> new ExponentialDecrease(Amounts.ppm(Check.fraction("liquidation.cut", cut)));
            };
            AuctionTerms terms = new AuctionTerms(Amounts.ppm(buf), tailSeconds, Amounts.ppm(cusp), Amounts.ppm(chip),
                    Amounts.micros(Math.round(tip)), Amounts.ppm(chop), Amounts.micros(Math.round(hole)),
                    Amounts.micros(Math.round(ilkHole)));
            return new DutchAuctionLiquidation(abacus, terms, trigger == Trigger.PROTOCOL);
        }
    }

    /**
     * Hyperliquid: book liquidation first — the whole position, or what {@code bookThrottle} allows (Hyperliquid's
     * 20% chunks and cooldown; optional) — then below {@code threshold} × maintenance margin the vault takes the
     * positions and the remaining margin; the vault unwinds into the book within {@code unwindSlippage} (0: it
     * keeps them). Needs a vault.
     */
    @Doc("Hyperliquid: book liquidation first, then the vault takes over accounts far below maintenance (needs a vault)")
    record VaultTakeover(
            @Doc(value = "the vault takes over an account whose equity is below threshold × its maintenance margin"
                    + " (Hyperliquid: 2/3)", unit = "fraction", range = "(0, 1]") double threshold,
            @Doc(value = "book liquidation orders are limited this far from the oracle", unit = "fraction",
                    range = "(0, 1)") double bookSlippage,
            @Doc(value = "caps on each book step (Hyperliquid: 20% chunks above $100k, 30 s cooldown)",
                    absent = "none: the whole position") ThrottleSpec bookThrottle,
            @Doc(value = "the liquidation penalty on closed notional and the keeper's share of it", absent = "required") Penalty penalty,
            @Doc(value = "the vault unwinds what it took over into the book within this distance of the oracle (0: it"
                    + " keeps the positions)", unit = "fraction", range = "[0, 1)") double unwindSlippage,
            @Doc(value = "no takeover that would leave the vault with a larger position in a market (≥ 9e12: no cap)",
                    unit = "quote units", range = "(0, ∞)") double maxVaultNotional,
            @Doc(value = "who starts a liquidation: PROTOCOL (at each block end) or KEEPER (keepers call it, for their reward)", absent = "PROTOCOL") Trigger trigger) implements LiquidationSpec {
        public VaultTakeover {
            Check.fraction("liquidation.threshold", threshold);
            Check.positive("liquidation.book_slippage", bookSlippage);
            Check.required("liquidation.penalty", penalty);
            Check.fraction("liquidation.unwind_slippage", unwindSlippage);
            Check.positive("liquidation.max_vault_notional", maxVaultNotional);
            trigger = trigger == null ? Trigger.PROTOCOL : trigger;
        }

        @Override
        public LiquidationPolicy build(int markets) {
            long numerator = Amounts.ppm(threshold);
            long maxNotional = maxVaultNotional >= 9e12 ? Long.MAX_VALUE : Amounts.micros(Math.round(maxVaultNotional));
            return new BackstopVaultTakeover(numerator, Amounts.PPM, Amounts.ppm(bookSlippage), penalty.split(),
                    Amounts.ppm(unwindSlippage), maxNotional, bookThrottle == null ? null : bookThrottle.build(markets),
                    trigger == Trigger.PROTOCOL);
        }

        @Override
        public int listedMarkets() {
            return bookThrottle == null ? 1 : bookThrottle.listedMarkets();
        }
    }

    /** How much a partial step closes. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = RuleSpec.TargetHealth.class, name = "target-health"),
            @JsonSubTypes.Type(value = RuleSpec.CloseFactor.class, name = "close-factor"),
            @JsonSubTypes.Type(value = RuleSpec.MarginRatioSteps.class, name = "margin-ratio-steps"),
    })
    sealed interface RuleSpec {
        PartialCloseRule build();

        /** Close just enough to bring health back to {@code target} (Aave v4 target health factor). */
        @Doc("close just enough to bring health back to target (Aave v4 target health factor)")
        record TargetHealth(@Doc(value = "the health factor a step restores (equity / maintenance margin)", unit = "×",
                range = "[1, 100]") double target) implements RuleSpec {
            public TargetHealth {
                if (!(target >= 1 && target <= 100)) {
                    throw new IllegalArgumentException("liquidation.rule.target: must be in [1, 100], got " + target);
                }
            }

            @Override
            public PartialCloseRule build() {
                return new TargetHealthRule(Amounts.ppm(target));
            }
        }

        /**
         * Aave v3: close {@code closeFactor} of a position, all of it below {@code fullCloseHealth} or under
         * {@code fullCloseBelow} of notional, and never leave less than {@code minLeftover} (quote units).
         */
        @Doc("Aave v3: close a fixed share per step, all of it when health is low or the position small")
        record CloseFactor(
                @Doc(value = "share of the position one step closes (Aave: 0.5)", unit = "fraction", range = "[0, 1]")
                double closeFactor,
                @Doc(value = "below this health factor the whole position is closed (Aave: 0.95)", unit = "×",
                        range = "[0, ∞)") double fullCloseHealth,
                @Doc(value = "a position with less notional than this is closed whole", unit = "quote units",
                        range = "[0, ∞)") double fullCloseBelow,
                @Doc(value = "a step never leaves a position smaller than this; it closes all instead", unit = "quote units",
                        range = "[0, ∞)") double minLeftover)
                implements RuleSpec {
            public CloseFactor {
                Check.fraction("liquidation.rule.close_factor", closeFactor);
                Check.nonNegative("liquidation.rule.full_close_health", fullCloseHealth);
                Check.nonNegative("liquidation.rule.full_close_below", fullCloseBelow);
                Check.nonNegative("liquidation.rule.min_leftover", minLeftover);
            }

            @Override
            public PartialCloseRule build() {
                return new CloseFactorRule(Amounts.ppm(closeFactor), Amounts.ppm(fullCloseHealth),
                        Amounts.micros(Math.round(fullCloseBelow)), Amounts.micros(Math.round(minLeftover)));
            }
        }

        /** Perp v1: close {@code fraction} while the margin ratio is above {@code fullCloseMarginRatio}, else all. */
        @Doc("Perp v1: close a fixed share while the margin ratio is above a level, else all")
        record MarginRatioSteps(
                @Doc(value = "share of the position one step closes", unit = "fraction", range = "[0, 1]") double fraction,
                @Doc(value = "at or below this margin ratio (equity / notional) the whole position is closed",
                        unit = "fraction", range = "[0, 1]") double fullCloseMarginRatio) implements RuleSpec {
            public MarginRatioSteps {
                Check.fraction("liquidation.rule.fraction", fraction);
                Check.fraction("liquidation.rule.full_close_margin_ratio", fullCloseMarginRatio);
            }

            @Override
            public PartialCloseRule build() {
                return new MarginRatioStepRule(Amounts.ppm(fraction), Amounts.ppm(fullCloseMarginRatio));
            }
        }
    }

    /** The caps of a throttled liquidation. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = ThrottleSpec.Dydx.class, name = "dydx"),
            @JsonSubTypes.Type(value = ThrottleSpec.Hyperliquid.class, name = "hyperliquid"),
            @JsonSubTypes.Type(value = ThrottleSpec.Synthetix.class, name = "synthetix"),
    })
    sealed interface ThrottleSpec {
        /** A fresh throttle for a protocol of {@code markets} markets. */
        LiquidationThrottle build(int markets);

        /** See {@link LiquidationSpec#listedMarkets}. */
        default int listedMarkets() {
            return 1;
        }

        /** dYdX v4: per block ≤ {@code maxPositionPortion} of a position, ≥ {@code minPositionNotional}, ≤ {@code maxNotionalPerBlock}. */
        @Doc("dYdX v4 per-block limits")
        record Dydx(
                @Doc(value = "largest share of a position liquidated per block (dYdX: 0.1)", unit = "fraction",
                        range = "[0, 1]") double maxPositionPortion,
                @Doc(value = "… but at least this much notional per block (dYdX: $1,000)", unit = "quote units",
                        range = "[0, ∞)") double minPositionNotional,
                @Doc(value = "most notional liquidated per account per block (dYdX: $100k)", unit = "quote units",
                        range = "(0, ∞)") double maxNotionalPerBlock) implements ThrottleSpec {
            public Dydx {
                Check.fraction("liquidation.throttle.max_position_portion", maxPositionPortion);
                Check.nonNegative("liquidation.throttle.min_position_notional", minPositionNotional);
                Check.positive("liquidation.throttle.max_notional_per_block", maxNotionalPerBlock);
            }

            @Override
            public LiquidationThrottle build(int markets) {
                return new DydxBlockLimits(Amounts.ppm(maxPositionPortion), Amounts.micros(Math.round(minPositionNotional)),
                        Amounts.micros(Math.round(maxNotionalPerBlock)));
            }
        }

        /** Hyperliquid: positions above {@code partialAbove} go {@code fraction} at a time; then a {@code cooldownSeconds} window. */
        @Doc("Hyperliquid chunks: large positions go a share at a time, then a cooldown")
        record Hyperliquid(
                @Doc(value = "positions above this notional are liquidated in chunks (Hyperliquid: $100k)",
                        unit = "quote units", range = "[0, ∞)") double partialAbove,
                @Doc(value = "share of the position one chunk closes (Hyperliquid: 0.2)", unit = "fraction",
                        range = "[0, 1]") double fraction,
                @Doc(value = "after a chunk, the whole position may go within this window (Hyperliquid: 30 s)",
                        unit = "seconds", range = "[0, ∞)") long cooldownSeconds) implements ThrottleSpec {
            public Hyperliquid {
                Check.nonNegative("liquidation.throttle.partial_above", partialAbove);
                Check.fraction("liquidation.throttle.fraction", fraction);
                Check.atLeast("liquidation.throttle.cooldown_seconds", cooldownSeconds, 0);
            }

            @Override
            public LiquidationThrottle build(int markets) {
                return new HyperliquidChunks(Amounts.micros(Math.round(partialAbove)), Amounts.ppm(fraction), cooldownSeconds);
            }
        }

        /**
         * Synthetix v3: at most {@code capacityLots} per market in any {@code windowSeconds} (0: unlimited), one
         * value for every market or one per market in market order; flagged accounts finish in later windows; a
         * flat {@code flagReward} (quote units) to the flagging keeper.
         */
        @Doc("Synthetix v3: a liquidation capacity per market per window; flagged accounts finish later")
        record Synthetix(
                @Doc(value = "lots liquidated per market per window (0: unlimited): one value for every market, or one"
                        + " per market in market order", unit = "lots", range = "[0, ∞)", absent = "required")
                List<Long> capacityLots,
                @Doc(value = "length of a capacity window", unit = "seconds", range = "[1, ∞)") long windowSeconds,
                @Doc(value = "flat reward to the keeper that flags an account", unit = "quote units", range = "[0, ∞)")
                double flagReward) implements ThrottleSpec {
            static final String CAPACITY = "liquidation.throttle.capacity_lots";

            public Synthetix {
                Check.required(CAPACITY, capacityLots);
                if (capacityLots.isEmpty()) {
                    throw new IllegalArgumentException(CAPACITY + ": must list a single value for all markets, or one value per market");
                }
                for (int m = 0; m < capacityLots.size(); m++) {
                    Check.atLeast(CAPACITY + "[" + m + "]", Check.required(CAPACITY + "[" + m + "]", capacityLots.get(m)), 0);
                }
                capacityLots = List.copyOf(capacityLots);
                Check.atLeast("liquidation.throttle.window_seconds", windowSeconds, 1);
                Check.nonNegative("liquidation.throttle.flag_reward", flagReward);
            }

            /**
             * The capacity of each of {@code markets} markets: a single value is every market's; a list of another
             * length than the market count is refused, naming the key, its length and the market count.
             */
            long[] perMarket(int markets) {
                long[] lots = new long[markets];
                if (capacityLots.size() == 1) {
                    java.util.Arrays.fill(lots, capacityLots.get(0));
                    return lots;
                }
                if (capacityLots.size() != markets) {
                    throw new IllegalArgumentException(CAPACITY + ": lists " + capacityLots.size() + " values but the"
                            + " scenario has " + markets + (markets == 1 ? " market" : " markets")
                            + "; give a single value for all markets, or one value per market");
                }
                for (int m = 0; m < markets; m++) {
                    lots[m] = capacityLots.get(m);
                }
                return lots;
            }

            @Override
            public LiquidationThrottle build(int markets) {
                return new SynthetixWindow(perMarket(markets), windowSeconds, Amounts.micros(Math.round(flagReward)));
            }

            @Override
            public int listedMarkets() {
                return capacityLots.size();
            }
        }
    }

    /** The price limit of each liquidation order. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = LimitSpec.Slippage.class, name = "slippage"),
            @JsonSubTypes.Type(value = LimitSpec.Fillable.class, name = "fillable-price"),
            @JsonSubTypes.Type(value = LimitSpec.Bankruptcy.class, name = "bankruptcy-price"),
    })
    sealed interface LimitSpec {
        LiquidationLimit build();

        /** A band {@code slippage} around the oracle. */
        @Doc("a band around the oracle")
        record Slippage(@Doc(value = "orders are limited this far from the oracle (0.05 = 5%)", unit = "fraction",
                range = "(0, 1]") double slippage) implements LimitSpec {
            public Slippage {
                Check.positive("liquidation.limit.slippage", slippage);
                Check.fraction("liquidation.limit.slippage", slippage);
            }

            @Override
            public LiquidationLimit build() {
                return new SlippageLimit(Amounts.ppm(slippage));
            }
        }

        /** Never beyond the position's bankruptcy price (BitMEX, Binance): the rest goes to the fund or ADL. */
        @Doc("never beyond the position's bankruptcy price (BitMEX, Binance): the rest goes to the fund or ADL")
        record Bankruptcy() implements LimitSpec {
            @Override
            public LiquidationLimit build() {
                return new BankruptcyLimit();
            }
        }

        /** dYdX's fillable price: SMMR (1.5) and bankruptcy adjustment (≥ 1). */
        @Doc("dYdX's fillable price P × (1 − SMMR·MMF·BA·(1 − Q))")
        record Fillable(
                @Doc(value = "SMMR, the spread-to-maintenance-margin ratio (dYdX: 1.5)", unit = "×", range = "[0, ∞)")
                double spreadToMaintenance,
                @Doc(value = "BA, the bankruptcy adjustment (dYdX: 1)", unit = "×", range = "[1, ∞)")
                double bankruptcyAdjustment) implements LimitSpec {
            public Fillable {
                Check.nonNegative("liquidation.limit.spread_to_maintenance", spreadToMaintenance);
                if (!(bankruptcyAdjustment >= 1)) {
                    throw new IllegalArgumentException("liquidation.limit.bankruptcy_adjustment: must be ≥ 1, got " + bankruptcyAdjustment);
                }
            }

            @Override
            public LiquidationLimit build() {
                return new FillablePrice(Amounts.ppm(spreadToMaintenance), Amounts.ppm(bankruptcyAdjustment));
            }
        }
    }
}
