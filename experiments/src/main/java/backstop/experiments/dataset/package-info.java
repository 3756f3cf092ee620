/**
 * A sweep's columnar dataset: {@code parquet/runs.parquet}, {@code timeseries.parquet} and {@code events.parquet},
 * every run's summary row, time series and events with a {@code run_id} column, built by DuckDB from the run folders
 * when the sweep's tables are. It reads result files only; it never changes a run or the CSV tables.
 */
package backstop.experiments.dataset;
