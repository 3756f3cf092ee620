package backstop.experiments.design;
import backstop.experiments.crash.CrashSpec;
import backstop.experiments.crash.ScriptedCrash;
import backstop.protocol.event.EventSink;
import org.junit.jupiter.api.Test;
class TmpPresetExplore {
  static DesignSpec withFund(DesignSpec d, double f) { return new DesignSpec(d.name(), d.description(), d.sources(), d.priceSource(), d.margin(), d.liquidation(), d.waterfall(), d.breakers(), d.controllers(), d.marketOverrides(), f, d.insurancePerMarket(), d.vault(), d.feeToInsurance()); }
  @Test void explore() {
    for (String n : new String[]{"dydx-v4","bitmex","binance","drift"}) for (double f : new double[]{0, 20000, 50000, 1000000}) {
      DesignSpec d = withFund(Presets.load(n), f);
      var s = new ScriptedCrash(CrashSpec.standard(3)).run(m -> d.build(m, 3), EventSink.NONE);
      System.out.printf("%-8s fund=%8.0f bad=%.0f uncov=%.0f insDrawn=%.0f social=%.0f adl=%s adlN=%.0f%n", n, f,
        s.get("bad_debt"), s.get("uncovered_bad_debt"), s.get("insurance_drawn"), s.get("socialized_loss"), s.get("adl_count"), s.get("adl_notional"));
    }
  }
}
