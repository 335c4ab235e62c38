/**
 * Consumers and what they do: their state as a struct of primitive arrays drawn from segment
 * mixtures ({@code Population}); what they see of each seller this tick, a snapshot of price, unit
 * cost, failure rate, personalization and loyalty-adjusted relationship rate taken once a tick and
 * read by every mechanism below ({@code SellerTerms}); the offers a shopper considers and their utilities
 * ({@code ConsiderationSet}); shopping by multinomial logit ({@code Shopping}); the experience
 * of a purchase, loyalty and failure demand ({@code PurchaseExperience}); awareness from marketing
 * ({@code Marketing}) and word of mouth ({@code WordOfMouth}); taste drift ({@code TasteDrift});
 * teaching of purchase criteria ({@code Teaching}); the count of each firm's customers
 * ({@code CustomerBase}, also the mean taste innovation aims at); each consumer's history with the firms it
 * remembers, share of wallet and range expansion in a market with categories ({@code Wallet}); the tick's purchases in consumer
 * order ({@code PurchaseLog}); and the AFTERMATH phase that runs them in order ({@code Aftermath}).
 */
package marketsim.core.consumer;
