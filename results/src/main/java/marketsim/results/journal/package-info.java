/**
 * The append-only journal that lets a killed study resume: {@link marketsim.results.journal.Journal}
 * (locking, the fingerprint header, torn-line recovery, UTF-8, one hash, one exception policy). A study's
 * journal is a record format over it: {@code sweep.SweepJournal} (a run's summary values per line) and
 * {@code calibration.CalibrationJournal} (an evaluation per line).
 */
package marketsim.results.journal;
