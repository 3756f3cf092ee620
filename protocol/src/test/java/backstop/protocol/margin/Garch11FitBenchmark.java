package backstop.protocol.margin;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one refit of the predictive margin's GARCH(1,1) costs (maximum likelihood with Commons Math), on a window
 * of returns simulated from a GARCH(1,1). A design refitting 20 markets every 100 blocks over 10,000 blocks fits
 * 2,000 times, so the cost per fit decides whether predictive margin is affordable in long runs. Run with
 * {@code ./bench protocol Garch11FitBenchmark -f 1 -wi 3 -w 2 -i 5 -r 2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Garch11FitBenchmark {
    /** Returns in the fitting window. */
    @Param({"250", "500", "1000"})
    public int window;

    private double[] returns;

    @Setup
    public void simulate() {
        returns = Garch11Test.simulate(new Garch11(0.05, 0.1, 0.85), window, 11);
    }

    @Benchmark
    public Garch11 fit() {
        return Garch11.fit(returns);
    }
}
