/**
 * Seeded random streams. Every stochastic component draws from its own stream derived from the
 * replication seed and a stable component key, so adding a component never shifts another's draws
 * and common random numbers across scenario variants come for free.
 */
package marketsim.core.random;
