/**
 * Calibration by the method of simulated moments: the targets file
 * ({@link marketsim.results.calibration.TargetsReader}), the candidates' scenarios
 * ({@link marketsim.results.calibration.CalibrationSetup}), the loss on common random numbers
 * ({@link marketsim.results.calibration.MomentObjective}), the CMA-ES search
 * ({@link marketsim.results.calibration.Calibration}), its journal and its folder.
 */
package marketsim.results.calibration;
