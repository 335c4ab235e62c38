/**
 * Consumers as a struct of primitive arrays (one array per trait or state variable), their
 * initialisation from segment mixtures, and the shopping decision (multinomial logit).
 */
package marketsim.core.consumer;
