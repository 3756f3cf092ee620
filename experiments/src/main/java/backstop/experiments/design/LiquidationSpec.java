package backstop.experiments.design;

import backstop.experiments.config.Mechanism;
import backstop.model.spec.Check;
import backstop.model.spec.Doc;
import backstop.protocol.liquidation.Abacus;
import backstop.protocol.liquidation.AuctionTerms;
import backstop.protocol.liquidation.BackstopVaultTakeover;
import backstop.protocol.liquidation.DutchAuctionLiquidation;
import backstop.protocol.liquidation.ExponentialDecrease;
import backstop.protocol.liquidation.FlipAuctionLiquidation;
import backstop.protocol.liquidation.FlipTerms;
import backstop.protocol.liquidation.FullCloseLiquidation;
import backstop.protocol.liquidation.LinearDecrease;
import backstop.protocol.liquidation.LiquidationPolicy;
import backstop.protocol.liquidation.PartialLiquidation;
import backstop.protocol.liquidation.StairstepExponentialDecrease;
import backstop.protocol.liquidation.ThrottledLiquidation;
import backstop.protocol.money.Amounts;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The liquidation policy of a design, chosen by {@code type}. Fractions are decimals (0.015 = 1.5%). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
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

    String TRIGGER = "who starts a liquidation: PROTOCOL (at each block end) or KEEPER (keepers call it, for their reward)";
    String PENALTY = "the liquidation penalty on closed notional and the keeper's share of it";
    String LIMIT = "the price limit of each liquidation order";

    private static boolean byProtocol(Trigger trigger) {
        return trigger == Trigger.PROTOCOL;
    }

    @Mechanism(name = "full-close",
            summary = "close every position into the book at once, no worse than the limit",
            example = "{penalty: {rate: 0.005, keeper_share: 0}, limit: {type: bankruptcy-price}, trigger: PROTOCOL}")
    record FullClose(@Doc(value = PENALTY, absent = "required") Penalty penalty,
                     @Doc(value = LIMIT, absent = "required") LimitSpec limit,
                     @Doc(value = TRIGGER, absent = "PROTOCOL") Trigger trigger) implements LiquidationSpec {
        public FullClose {
            Check.required("liquidation.penalty", penalty);
            Check.required("liquidation.limit", limit);
            trigger = trigger == null ? Trigger.PROTOCOL : trigger;
        }

        @Override
        public LiquidationPolicy build(int markets) {
            return new FullCloseLiquidation(penalty.split(), limit.build(), byProtocol(trigger));
        }
    }

    @Mechanism(name = "partial",
            summary = "close part of a position per step, as the rule says, bounded by the limit",
            example = "{rule: {type: target-health, target: 1.0}, limit: {type: slippage, slippage: 0.05}, penalty: "
                    + "{rate: 0.015, keeper_share: 0.667}, trigger: KEEPER}",
            builtName = "partial-{rule}")
    record Partial(@Doc(value = "how much one step closes", absent = "required") RuleSpec rule,
                   @Doc(value = LIMIT, absent = "required") LimitSpec limit,
                   @Doc(value = PENALTY, absent = "required") Penalty penalty,
                   @Doc(value = TRIGGER, absent = "PROTOCOL") Trigger trigger) implements LiquidationSpec {
        public Partial {
            Check.required("liquidation.rule", rule);
            Check.required("liquidation.limit", limit);
            Check.required("liquidation.penalty", penalty);
            trigger = trigger == null ? Trigger.PROTOCOL : trigger;
        }

        @Override
        public LiquidationPolicy build(int markets) {
            return new PartialLiquidation(rule.build(), limit.build(), penalty.split(), byProtocol(trigger));
        }
    }

    @Mechanism(name = "throttled",
            summary = "multi-step liquidation capped per block, per cooldown or per window",
            example = "{throttle: {type: dydx, max_position_portion: 0.1, min_position_notional: 1000, "
                    + "max_notional_per_block: 100000}, limit: {type: fillable-price, spread_to_maintenance: 1.5, "
                    + "bankruptcy_adjustment: 1}, penalty: {rate: 0.015, keeper_share: 0}}",
            builtName = "throttled-{throttle}")
    record Throttled(@Doc(value = "the caps on what is liquidated", absent = "required") ThrottleSpec throttle,
                     @Doc(value = LIMIT, absent = "required") LimitSpec limit,
                     @Doc(value = PENALTY, absent = "required") Penalty penalty,
                     @Doc(value = TRIGGER, absent = "PROTOCOL") Trigger trigger) implements LiquidationSpec {
        public Throttled {
            Check.required("liquidation.throttle", throttle);
            Check.required("liquidation.limit", limit);
            Check.required("liquidation.penalty", penalty);
            trigger = trigger == null ? Trigger.PROTOCOL : trigger;
        }

        @Override
        public LiquidationPolicy build(int markets) {
            return new ThrottledLiquidation(throttle.build(markets), limit.build(), penalty.split(), byProtocol(trigger));
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
    @Mechanism(name = "dutch-auction",
            summary = "Maker LIQ-2.0: the position is seized into a Dutch auction that keepers buy from (needs a "
                    + "vault)",
            example = "{decay: STAIRSTEP, cut: 0.99, step_seconds: 90, tau_seconds: 0, buf: 1.3, tail_seconds: 8400, "
                    + "cusp: 0.4, chip: 0.001, tip: 0, chop: 0.13, hole: 100000000, ilk_hole: 5000000, trigger: "
                    + "KEEPER}")
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
            @Doc(value = TRIGGER, absent = "KEEPER") Trigger trigger) implements LiquidationSpec {
        public DutchAuction {
            Check.required("liquidation.decay", decay);
            Check.positive("liquidation.buf", buf);
            Check.positive("liquidation.hole", hole);
            Check.positive("liquidation.ilk_hole", ilkHole);
            Check.atLeast("liquidation.tail_seconds", tailSeconds, 1);
            trigger = trigger == null ? Trigger.KEEPER : trigger;
        }

        @Override
        public LiquidationPolicy build(int markets) {
            Abacus abacus = switch (decay) {
                case LINEAR -> new LinearDecrease(Check.atLeast("liquidation.tau_seconds", tauSeconds, 1));
                case STAIRSTEP -> new StairstepExponentialDecrease(Amounts.ppm(cut),
                        Check.atLeast("liquidation.step_seconds", stepSeconds, 1));
                case EXPONENTIAL -> new ExponentialDecrease(Amounts.ppm(cut));
            };
            AuctionTerms terms = new AuctionTerms(Amounts.ppm(buf), tailSeconds, Amounts.ppm(cusp), Amounts.ppm(chip),
                    Amounts.micros(Math.round(tip)), Amounts.ppm(chop), Amounts.micros(Math.round(hole)),
                    Amounts.micros(Math.round(ilkHole)));
            return new DutchAuctionLiquidation(abacus, terms, byProtocol(trigger));
        }
    }

    /**
     * Maker LIQ-1.2 (MECHANISMS.md §9, dss flip.sol and cat.sol): a bite seizes at most {@code lump} of each position
     * into an English auction; keepers raise DAI bids to the tab ({@code tend}, each ≥ {@code beg} × the last), then
     * lower the lot ({@code dent}); each bid lives {@code ttlSeconds}, the auction at most {@code tauSeconds} (restarted
     * when nobody bid); {@code chop} is the penalty. Needs a vault (the auctions' holder).
     */
    @Mechanism(name = "flip-auction",
            summary = "Maker LIQ-1.2: the position is bitten in lots into English auctions (tend then dent) that keepers "
                    + "bid on (needs a vault)",
            example = "{beg: 1.03, ttl_seconds: 600, tau_seconds: 21600, chop: 0.13, lump: 50, trigger: KEEPER}")
    record FlipAuction(
            @Doc(value = "minimum bid increment: a tend bid ≥ beg × the last, a dent lot ≤ the last ÷ beg (Maker beg; "
                    + "1.03 = 3%)", unit = "×", range = "(1, 2]") double beg,
            @Doc(value = "each bid expires this long after it is made unless outbid (Maker ttl, bid duration)",
                    unit = "seconds", range = "[1, ∞)") long ttlSeconds,
            @Doc(value = "the auction ends at most this long after its kick, restarting if nobody bid (Maker tau)",
                    unit = "seconds", range = "[1, ∞)") long tauSeconds,
            @Doc(value = "liquidation penalty added to the debt: tab = debt × (1 + chop) (Maker chop − 1; 0.13 = 13%)",
                    unit = "fraction", range = "[0, 1]") double chop,
            @Doc(value = "the most collateral one bite puts in one auction (Maker Cat lump; 50 ETH)", unit = "base units",
                    range = "(0, ∞)") double lump,
            @Doc(value = TRIGGER, absent = "KEEPER") Trigger trigger) implements LiquidationSpec {
        public FlipAuction {
            Check.positive("liquidation.lump", lump);
            Check.atLeast("liquidation.ttl_seconds", ttlSeconds, 1);
            Check.atLeast("liquidation.tau_seconds", tauSeconds, 1);
            if (!(beg > 1 && beg <= 2)) {
                throw new IllegalArgumentException("liquidation.beg: must be in (1, 2], got " + beg);
            }
            trigger = trigger == null ? Trigger.KEEPER : trigger;
        }

        @Override
        public LiquidationPolicy build(int markets) {
            return new FlipAuctionLiquidation(new FlipTerms(Amounts.ppm(beg), ttlSeconds, tauSeconds, Amounts.ppm(chop),
                    lump), byProtocol(trigger));
        }
    }

    /**
     * Hyperliquid: book liquidation first — the whole position, or what {@code bookThrottle} allows (Hyperliquid's
     * 20% chunks and cooldown; optional) — then below {@code threshold} × maintenance margin the vault takes the
     * positions and the remaining margin; the vault unwinds into the book within {@code unwindSlippage} (0: it
     * keeps them). Needs a vault.
     */
    @Mechanism(name = "vault-takeover",
            summary = "Hyperliquid: book liquidation first, then the vault takes over accounts far below maintenance "
                    + "(needs a vault)",
            example = "{threshold: 0.6666667, book_slippage: 0.1, book_throttle: {type: hyperliquid, partial_above: "
                    + "100000, fraction: 0.2, cooldown_seconds: 30}, penalty: {rate: 0, keeper_share: 0}, "
                    + "unwind_slippage: 0.01, max_vault_notional: 1.0e13}")
    record VaultTakeover(
            @Doc(value = "the vault takes over an account whose equity is below threshold × its maintenance margin"
                    + " (Hyperliquid: 2/3)", unit = "fraction", range = "(0, 1]") double threshold,
            @Doc(value = "book liquidation orders are limited this far from the oracle", unit = "fraction",
                    range = "(0, 1)") double bookSlippage,
            @Doc(value = "caps on each book step (Hyperliquid: 20% chunks above $100k, 30 s cooldown)",
                    absent = "none: the whole position") ThrottleSpec bookThrottle,
            @Doc(value = PENALTY, absent = "required") Penalty penalty,
            @Doc(value = "the vault unwinds what it took over into the book within this distance of the oracle (0: it"
                    + " keeps the positions)", unit = "fraction", range = "[0, 1)") double unwindSlippage,
            @Doc(value = "no takeover that would leave the vault with a larger position in a market (≥ 9e12: no cap)",
                    unit = "quote units", range = "(0, ∞)") double maxVaultNotional,
            @Doc(value = TRIGGER, absent = "PROTOCOL") Trigger trigger) implements LiquidationSpec {
        public VaultTakeover {
            Check.positive("liquidation.threshold", threshold);
            Check.positive("liquidation.book_slippage", bookSlippage);
            Check.required("liquidation.penalty", penalty);
            Check.positive("liquidation.max_vault_notional", maxVaultNotional);
            trigger = trigger == null ? Trigger.PROTOCOL : trigger;
        }

        @Override
        public LiquidationPolicy build(int markets) {
            long numerator = Amounts.ppm(threshold);
            long maxNotional = maxVaultNotional >= 9e12 ? Long.MAX_VALUE : Amounts.micros(Math.round(maxVaultNotional));
            return new BackstopVaultTakeover(numerator, Amounts.PPM, Amounts.ppm(bookSlippage), penalty.split(),
                    Amounts.ppm(unwindSlippage), maxNotional, bookThrottle == null ? null : bookThrottle.build(markets),
                    byProtocol(trigger));
        }

        @Override
        public int listedMarkets() {
            return bookThrottle == null ? 1 : bookThrottle.listedMarkets();
        }
    }
}
