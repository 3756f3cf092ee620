package backstop.experiments.game;

import backstop.model.spec.Doc;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A game file as written (README, "Games"): a scenario and its overrides, the designs (one game each), the roles —
 * which population of the scenario each is, how many players, how many reduced players stand for them, and the
 * strategies they choose among — and the seeds every profile runs on.
 */
public record GameSpec(
        @Doc(value = "the game's name, as its folder is named", absent = "required") String name,
        @Doc("one line on what the game asks") String description,
        @Doc(value = "the scenario every profile runs: a library name or a YAML file", absent = "required") String scenario,
        @Doc(value = "--set style overrides of the scenario (\"path=value\"), applied to every run", absent = "[]")
        List<String> overrides,
        @Doc(value = "the designs, preset names or files: each is its own game", absent = "required") List<String> designs,
        @Doc(value = "the roles: populations of the scenario whose players choose strategies", absent = "required")
        List<Role> roles,
        @Doc(value = "runs per profile, on seeds base_seed, base_seed + 1, … (common to every profile)", unit = "runs",
                range = "[1, ∞)", absent = "required") Integer replications,
        @Doc(value = "the seed of the first replication", range = "[0, ∞)", absent = "1") Long baseSeed,
        @Doc(value = "a yearly rate charged on each player's capital over the run, subtracted from its payoff",
                unit = "fraction per year", range = "[0, 1]", absent = "0") Double capitalCost,
        @Doc(value = "the largest regret (gain from the best unilateral deviation) an equilibrium may have",
                unit = "quote units", range = "[0, ∞)", absent = "1% of the largest |payoff| in the game")
        Double regretThreshold) {

    public GameSpec {
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        designs = designs == null ? List.of() : List.copyOf(designs);
        roles = roles == null ? List.of() : List.copyOf(roles);
        baseSeed = baseSeed == null ? 1L : baseSeed;
        capitalCost = capitalCost == null ? 0.0 : capitalCost;
    }

    /** One role of a game. */
    public record Role(
            @Doc(value = "the role's name in results", absent = "required") String name,
            @Doc(value = "the scenario population whose members are the role's players", absent = "required") String population,
            @Doc(value = "players in the full game", unit = "players", range = "[1, ∞)", absent = "the population's count")
            Integer players,
            @Doc(value = "reduced players (deviation-preserving reduction): (players − 1) must be a multiple of (reduced − 1)",
                    unit = "players", range = "[1, ∞)", absent = "players: no reduction") Integer reduced,
            @Doc(value = "library strategies, as type/name or a bare name of the population's type", absent = "[]")
            List<String> strategies,
            @Doc(value = "strategies of this game only: name, summary, set (the population keys they fix)", absent = "[]")
            List<Definition> define) {
        public Role {
            strategies = strategies == null ? List.of() : List.copyOf(strategies);
            define = define == null ? List.of() : List.copyOf(define);
        }
    }

    /** A strategy a game defines for itself. */
    public record Definition(
            @Doc(value = "its name", absent = "required") String name,
            @Doc("one line on what it does") String summary,
            @Doc(value = "the population keys it fixes, as a population entry spells them", absent = "{}: the scenario's")
            JsonNode set) {
    }
}
