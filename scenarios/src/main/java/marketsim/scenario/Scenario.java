package marketsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import marketsim.core.config.MarketConfig;

/**
 * A resolved, validated scenario: what the user wrote (with overrides applied) and the model
 * configuration it means.
 *
 * @param name         built-in name or file name without extension
 * @param description  the question it answers
 * @param replications default replication count
 * @param seed         default master seed
 * @param moneyUnit    what the scenario calls its money (money_unit: "EUR", default "money"), for tables and charts
 * @param config       the model configuration
 * @param document     the resolved document as written (extends resolved, overrides applied):
 *                     what variants re-read with their own overrides
 * @param complete     the same with every default the reading took written in: what results
 *                     store, so a later version with other defaults reads it to the same run
 */
public record Scenario(String name, String description, int replications, long seed, String moneyUnit,
                       MarketConfig config, JsonNode document, JsonNode complete) {
}
