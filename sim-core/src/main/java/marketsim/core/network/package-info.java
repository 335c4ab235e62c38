/** The consumers' social network (Watts-Strogatz small world) and word of mouth over it. */
package marketsim.core.network;
