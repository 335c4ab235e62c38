/**
 * JMH benchmarks of the engine: the bench-reference workload through the engine and through a plain
 * struct-of-arrays loop doing the same work ({@code ReferenceLoop}), and ticks of the built-in scenarios.
 * Figures and how to run them: docs/PERFORMANCE.md.
 */
package marketsim.bench;
