/**
 * What the protocol reports: the sealed {@link ProtocolEvent} records with their ids and cause links, the
 * {@link EventBus} that numbers them and forwards them to an {@link EventSink} and internal listeners, and the
 * in-memory {@link EventLog}. An event records a change already made; nothing here changes protocol state or writes
 * files (the experiments module streams {@code events.jsonl.gz}). Depends only on {@code book} and {@code tx} types.
 */
package backstop.protocol.event;
