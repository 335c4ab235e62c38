package marketsim.core.consumer;

import java.util.random.RandomGenerator;

import marketsim.core.config.Categories;

/**
 * The tick's purchase occasions (MODEL.md 2.1; ODD 3, step 3): who has one, the tick's random order of the shoppers,
 * and the random numbers each shopper gets for the place it has in that order.
 *
 * <p>Each consumer, in index order, has an occasion with probability {@code lambda_i} (with categories,
 * {@code min(1, lambda_i sum_c f_c)} over the categories it needs), one uniform each from the {@code CHOICE} stream;
 * the shoppers' random order is a Fisher-Yates shuffle from the {@code SHOPPING_ORDER} stream. The phase is stated
 * with the shoppers shopping in that order, each drawing its numbers when its turn comes. No purchase changes another
 * shopper's offers (ODD 3), so the order decides only who gets which numbers: {@link #draw} draws them ahead, place
 * after place (from the {@code CHOICE} stream the choice's uniform, from the {@code CATEGORY} stream the occasion's
 * category), and {@link Shopping} serves the shoppers in index order, each with its place's numbers. Every shopper then
 * chooses as it would in the random order; {@link #drawAsServed} keeps that order as the reference it is checked
 * against ({@code ShoppingOrderTest}).
 */
final class Occasions {
    private final Population population;
    private final RandomGenerator orderRandom;
    private final RandomGenerator choiceRandom;
    private final RandomGenerator categoryRandom;
    /** Each category's frequency {@code f_c}. */
    private final double[] frequency;
    /** The tick's shoppers in index order: shopper {@code m} is consumer {@code shopper[m]}. */
    final int[] shopper;
    /*
     * Per place of the random order, and per shopper: arrays as long as the most shoppers a tick has had so far
     * (ensureCapacity), not one entry per consumer. randomOrder: the shopper at each place. choiceDraw: each shopper's
     * choice uniform, the choice stream's draw for its place (with categories it holds the category stream's draws
     * first, while the categories are drawn). categoryOf: with categories (null without), each occasion's category.
     */
    private int[] randomOrder = new int[0];
    private double[] choiceDraw = new double[0];
    private byte[] categoryOf;
    /** Whether the shoppers' numbers are drawn ahead (the engine) or as each is served in the random order. */
    private boolean ahead = true;

    /** @param categoryRandom the stream occasions' categories are drawn from (used only with categories) */
    Occasions(Population population, Categories categories, RandomGenerator orderRandom, RandomGenerator choiceRandom,
              RandomGenerator categoryRandom) {
        this.population = population;
        this.orderRandom = orderRandom;
        this.choiceRandom = choiceRandom;
        this.categoryRandom = categoryRandom;
        frequency = new double[categories.count()];
        for (int c = 0; c < frequency.length; c++) {
            frequency[c] = categories.frequency(c);
        }
        shopper = new int[population.size];
        categoryOf = population.hasCategories() ? new byte[0] : null;
    }

    /** Bytes of the arrays kept here (the shoppers, and the per-shopper arrays as long as they have grown). */
    long bytes() {
        return 4L * shopper.length + 4L * randomOrder.length + 8L * choiceDraw.length
                + (categoryOf == null ? 0 : categoryOf.length);
    }

    /**
     * From the next tick, draws no number ahead: each shopper draws its own when it is served, and the shoppers are
     * served in the random order ({@link Shopping#serveInRandomOrder}).
     */
    void drawAsServed(boolean asServed) {
        ahead = !asServed;
    }

    /** Whether the numbers of the tick are drawn ahead (and the shoppers served in index order). */
    boolean ahead() {
        return ahead;
    }

    /** The tick's occasions, the random order and, if drawn ahead, each shopper's numbers; returns how many shoppers. */
    int draw() {
        int shoppers = drawWhoShops();
        ensureCapacity(shoppers);
        shuffle(shoppers);
        if (ahead) {
            drawAhead(shoppers);
        }
        return shoppers;
    }

    /** The shopper served {@code n}-th: the {@code n}-th in index order, or at place {@code n} of the random order. */
    int served(int n) {
        return ahead ? n : randomOrder[n];
    }

    /** The tick's random order: the shopper at each place. */
    int[] randomOrder() {
        return randomOrder;
    }

    /**
     * The category of shopper {@code m}'s occasion (0 without categories). Drawn as served, it takes a fresh uniform
     * from the stream: once per shopper, in the order served.
     */
    int category(int m) {
        if (categoryOf == null) {
            return 0;
        }
        return ahead ? categoryOf[m] : category(shopper[m], categoryRandom.nextDouble());
    }

    /** The categories of the shoppers' occasions, drawn ahead (null without categories). */
    byte[] categories() {
        return categoryOf;
    }

    /**
     * The uniform shopper {@code m}'s choice is drawn with. Drawn as served, a fresh one from the stream: once per
     * shopper, in the order served.
     */
    double choiceUniform(int m) {
        return ahead ? choiceDraw[m] : choiceRandom.nextDouble();
    }

    /** Who has an occasion, in index order (one uniform per consumer); fills {@link #shopper} and returns how many. */
    private int drawWhoShops() {
        Population p = population;
        int[] shopper = this.shopper;
        int shoppers = 0;
        float[] probability = p.purchaseProbability;
        if (p.hasCategories()) {
            // an occasion in some category it needs: probability min(1, lambda_i sum_c f_c)
            float[] needWeight = p.needWeight;
            for (int i = 0; i < p.size; i++) {
                shopper[shoppers] = i;
                shoppers += choiceRandom.nextDouble() < probability[i] * needWeight[i] ? 1 : 0;
            }
        } else {
            for (int i = 0; i < p.size; i++) {
                shopper[shoppers] = i; // kept only if i shops: no branch to mispredict
                shoppers += choiceRandom.nextDouble() < probability[i] ? 1 : 0;
            }
        }
        return shoppers;
    }

    /**
     * Room for {@code shoppers} shoppers in the per-shopper arrays: grown by an eighth more than needed when a tick has
     * more shoppers than any before (at most one per consumer), so that the ticks after allocate nothing.
     */
    private void ensureCapacity(int shoppers) {
        if (randomOrder.length >= shoppers) {
            return;
        }
        int length = (int) Math.min(population.size, shoppers + shoppers / 8L);
        randomOrder = new int[length];
        choiceDraw = new double[length];
        if (categoryOf != null) {
            categoryOf = new byte[length];
        }
    }

    /** The random order of the {@code shoppers} shoppers: a Fisher-Yates shuffle. */
    private void shuffle(int shoppers) {
        int[] order = randomOrder;
        for (int m = 0; m < shoppers; m++) {
            order[m] = m;
        }
        for (int k = shoppers - 1; k > 0; k--) {
            int r = orderRandom.nextInt(k + 1);
            int tmp = order[k];
            order[k] = order[r];
            order[r] = tmp;
        }
    }

    /**
     * Each shopper's numbers, those of its place in the random order: with categories the occasion's category, and
     * the choice's uniform. Each stream's draws are taken place after place, as if each shopper drew its own when its
     * turn came.
     */
    private void drawAhead(int shoppers) {
        int[] order = randomOrder;
        if (categoryOf != null) { // the category draws pass through choiceDraw, in the random order
            for (int k = 0; k < shoppers; k++) {
                choiceDraw[order[k]] = categoryRandom.nextDouble();
            }
            for (int m = 0; m < shoppers; m++) { // the categories in index order: the needs read front to back
                categoryOf[m] = (byte) category(shopper[m], choiceDraw[m]);
            }
        }
        for (int k = 0; k < shoppers; k++) {
            choiceDraw[order[k]] = choiceRandom.nextDouble();
        }
    }

    /**
     * The category of consumer {@code i}'s occasion, drawn with the uniform {@code draw}: one of those it needs, with
     * probability {@code f_c / sum f}.
     */
    private int category(int i, double draw) {
        Population p = population;
        long needs = p.needs[i];
        double left = draw * p.needWeight[i];
        int c = Long.numberOfTrailingZeros(needs);
        while (true) {
            left -= frequency[c];
            needs &= needs - 1;
            if (left < 0 || needs == 0) {
                return c;
            }
            c = Long.numberOfTrailingZeros(needs);
        }
    }
}
