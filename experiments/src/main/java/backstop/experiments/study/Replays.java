package backstop.experiments.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registered {@link Replay}s by name: a study sweep whose {@code scenario} is one of these runs that replay. */
public final class Replays {
    private static final Map<String, Replay> BY_NAME = new LinkedHashMap<>();

    static {
        for (Replay r : List.<Replay>of(new HyperliquidAdlReplay())) {
            BY_NAME.put(r.name(), r);
        }
    }

    private Replays() {
    }

    /** The replay named {@code name}, if one is registered. */
    public static Optional<Replay> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every replay's name, in registration order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
