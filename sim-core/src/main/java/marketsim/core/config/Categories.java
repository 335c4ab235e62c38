package marketsim.core.config;

import java.util.List;

/**
 * The categories of need a market has (MODEL.md 3, "Categories and share of wallet"; essay 004,
 * Vandermerwe): each with its own purchase frequency relative to a consumer's base purchase
 * probability {@code lambda_i}. A consumer needs some of them (its segment says how many), and has a
 * purchase occasion in category {@code c} with probability {@code lambda_i f_c} a tick; a firm offers a
 * range of them. With none declared ({@link #NONE}) the market has one category, the market of before
 * categories existed: no per-category draw, state or tally.
 *
 * @param list          the categories, in scenario order (at most {@value #MAX}); empty: one implicit category
 * @param crossCategory the share of a relationship's utility {@code gamma L_ij} that applies in a category the
 *                      consumer has not yet bought from firm j: 1, the relationship is with the firm and raises
 *                      every category it sells (cross-buying); 0, a relationship only within the categories
 *                      already bought from it
 */
public record Categories(List<Category> list, double crossCategory) {
    /** Categories are kept in a 64-bit mask per consumer (needs) and per firm (range). */
    public static final int MAX = 64;
    /** No categories declared: the single-category market. */
    public static final Categories NONE = new Categories(List.of(), 1);

    /**
     * @param name      unique name
     * @param frequency {@code f_c}: purchase occasions in the category per occasion of the base purchase
     *                  probability (a category bought half as often: 0.5)
     */
    public record Category(String name, double frequency) {
        public Category {
            if (!(frequency > 0) || Double.isInfinite(frequency)) {
                throw new IllegalArgumentException("category frequency must be positive");
            }
        }
    }

    public Categories {
        list = List.copyOf(list);
        if (list.size() > MAX) {
            throw new IllegalArgumentException("at most " + MAX + " categories");
        }
        if (!(crossCategory >= 0 && crossCategory <= 1)) {
            throw new IllegalArgumentException("cross_category must be in [0,1]");
        }
        if (list.stream().map(Category::name).distinct().count() != list.size()) {
            throw new IllegalArgumentException("category names must be unique");
        }
    }

    /** Whether the scenario declares categories (otherwise one implicit category). */
    public boolean declared() {
        return !list.isEmpty();
    }

    /** Categories in the market: at least the implicit one. */
    public int count() {
        return Math.max(1, list.size());
    }

    /** The mask of every category. */
    public long all() {
        int n = count();
        return n == MAX ? -1L : (1L << n) - 1;
    }

    /** {@code f_c}; 1 for the implicit category. */
    public double frequency(int c) {
        return list.isEmpty() ? 1 : list.get(c).frequency();
    }

    /** The index of a category by name, or -1. */
    public int indexOf(String name) {
        for (int c = 0; c < list.size(); c++) {
            if (list.get(c).name().equals(name)) {
                return c;
            }
        }
        return -1;
    }

    /**
     * The mask of the named categories ({@code names} empty: every category).
     *
     * @throws IllegalArgumentException for a name the market does not have
     */
    public long mask(List<String> names) {
        if (names.isEmpty()) {
            return all();
        }
        long mask = 0;
        for (String name : names) {
            int c = indexOf(name);
            if (c < 0) {
                throw new IllegalArgumentException("unknown category '" + name + "'");
            }
            mask |= 1L << c;
        }
        return mask;
    }
}
