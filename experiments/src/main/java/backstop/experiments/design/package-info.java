/**
 * Loss-mitigation designs as data: {@link DesignSpec} and its parts, which build a fresh {@code ProtocolConfig}; the
 * preset library {@link Presets}; {@link DesignOverrides} for {@code design.} assignments. It knows the protocol only,
 * nothing of the world, the agents or scenarios.
 *
 * <p><b>One mechanism, one place.</b> Each kind of part is a sealed interface ({@link Mechanisms.Kind}: margin,
 * liquidation, rule, throttle, limit, absorber, ranking, breaker, controller) and each mechanism is one record in it,
 * annotated {@code @Mechanism(name, summary, example)} and documented key by key with {@code @Doc}; its
 * {@code build} makes the protocol object. The sealed interface's permitted records are the registry: the binder
 * selects them by name, validation lists them for a wrong name, and {@code backstop presets}/{@code reference} and the
 * GUI read them from {@link Mechanisms}. Records stay here, not in {@code protocol}, because they are configuration
 * (decimals and quote units from YAML, {@code @Doc} and {@code Check}) and the protocol knows no Jackson or model;
 * sealed records rather than an explicit class list, because the compiler then keeps the list: a record outside it
 * cannot implement the interface, and one inside is registered. The cost is that a kind's mechanisms share its file.
 * A key's range is written once, in its {@code @Doc}, which validation enforces; constructors check only relations,
 * required parts and keys whose absence (0) is out of range.
 *
 * <p><b>Names.</b> A built protocol object is called by its mechanism's name, or, where it is made of other
 * mechanisms, by the template {@code builtName} states ({@code partial-{rule}}, {@code adl-{ranking}},
 * {@code scaled({base})}, {@code {name}} for a PID controller's own name); {@code MechanismsTest} builds every
 * example and checks it. The YAML name is the canonical one; protocol names that differed were renamed to it.
 */
package backstop.experiments.design;
