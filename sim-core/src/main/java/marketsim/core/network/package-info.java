/**
 * The consumers' social network: a Watts-Strogatz small world in compressed sparse rows, built
 * once at the start of a run when word of mouth is on. Word of mouth over it is
 * {@code consumer.WordOfMouth}.
 */
package marketsim.core.network;
