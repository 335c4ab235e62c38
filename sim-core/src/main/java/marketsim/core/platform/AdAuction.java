package marketsim.core.platform;

import java.util.function.IntToDoubleFunction;

/**
 * The sponsored slots at the top of one taste bin's results (MODEL.md section 4; Edelman, Ostrovsky and Schwarz
 * 2007): the {@code slots} highest ad ranks {@code bid x p x exp(r - r_max)} win them in order, and each winner pays
 * per sale the next ad rank divided by its own {@code exp(r - r_max)} (generalized second price; the last slot is
 * priced by the first loser, or 0). The number of slots starts as configured; the classroom may move it.
 */
final class AdAuction {
    private int slots;

    AdAuction(int slots) {
        this.slots = slots;
    }

    int slots() {
        return slots;
    }

    void setSlots(int slots) {
        this.slots = slots;
    }

    /**
     * Fills the sponsored slots of one bin from {@code ranking[base]} on, and their ad fees per sale in
     * {@code adFee}; returns how many were sold.
     *
     * @param active    the listed sellers, {@code count} of them
     * @param bidValue  a seller's bid per sale in money ({@code bid x p})
     * @param relevance each seller's relevance to the bin's reference consumer, {@code r}; {@code best} the highest
     */
    int fill(int[] active, int count, IntToDoubleFunction bidValue, double[] relevance, double best, int[] ranking,
             double[] adFee, int base) {
        if (slots == 0) {
            return 0;
        }
        int[] winners = new int[slots + 1];
        double[] ranks = new double[slots + 1];
        int found = 0;
        // Keep the slots + 1 highest ad ranks (the extra one prices the last slot).
        for (int a = 0; a < count; a++) {
            int j = active[a];
            double adRank = bidValue.applyAsDouble(j) * Math.exp(relevance[j] - best);
            if (adRank <= 0) {
                continue;
            }
            int pos = found < slots + 1 ? found++ : slots + 1;
            while (pos > 0 && ranks[pos - 1] < adRank) {
                if (pos < slots + 1) {
                    ranks[pos] = ranks[pos - 1];
                    winners[pos] = winners[pos - 1];
                }
                pos--;
            }
            if (pos < slots + 1) {
                ranks[pos] = adRank;
                winners[pos] = j;
            }
        }
        int sold = Math.min(found, slots);
        for (int s = 0; s < sold; s++) {
            int j = winners[s];
            ranking[base + s] = j;
            double next = s + 1 < found ? ranks[s + 1] : 0;
            adFee[base + s] = next / Math.exp(relevance[j] - best);
        }
        return sold;
    }
}
