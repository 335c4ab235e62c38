package marketsim.core.network;

import java.util.random.RandomGenerator;

/**
 * A Watts-Strogatz small world in compressed sparse rows: consumer {@code i}'s neighbours are
 * {@code neighbours[offsets[i] .. offsets[i+1])}, 4 bytes per tie (40 per consumer at mean degree
 * 10) instead of an object per edge. Built from a ring where each node links to its
 * {@code degree / 2} nearest neighbours on each side; each link's far end is rewired to a
 * uniformly drawn consumer with probability {@code rewiring} (self-links are redrawn; a rare
 * duplicate tie is kept). Rewiring 0 is the ring lattice, 1 a random graph.
 */
public final class SocialNetwork {
    private final int[] offsets;
    private final int[] neighbours;

    /** Bytes of the network's arrays. */
    public long bytes() {
        return 4L * (offsets.length + neighbours.length);
    }

    private SocialNetwork(int[] offsets, int[] neighbours) {
        this.offsets = offsets;
        this.neighbours = neighbours;
    }

    public static SocialNetwork wattsStrogatz(int n, int degree, double rewiring, RandomGenerator random) {
        int half = Math.min(degree / 2, (n - 1) / 2);
        int links = n * half;
        int[] from = new int[links];
        int[] to = new int[links];
        int[] count = new int[n];
        int e = 0;
        for (int i = 0; i < n; i++) {
            for (int d = 1; d <= half; d++) {
                int j = (i + d) % n;
                if (random.nextDouble() < rewiring) {
                    do {
                        j = random.nextInt(n);
                    } while (j == i);
                }
                from[e] = i;
                to[e] = j;
                count[i]++;
                count[j]++;
                e++;
            }
        }
        int[] offsets = new int[n + 1];
        for (int i = 0; i < n; i++) {
            offsets[i + 1] = offsets[i] + count[i];
        }
        int[] fill = offsets.clone();
        int[] neighbours = new int[offsets[n]];
        for (int k = 0; k < links; k++) {
            neighbours[fill[from[k]]++] = to[k];
            neighbours[fill[to[k]]++] = from[k];
        }
        return new SocialNetwork(offsets, neighbours);
    }

    public int degree(int i) {
        return offsets[i + 1] - offsets[i];
    }

    /** A uniformly drawn neighbour of {@code i}, or -1 if it has none. */
    public int randomNeighbour(int i, RandomGenerator random) {
        int d = degree(i);
        return d == 0 ? -1 : neighbours[offsets[i] + random.nextInt(d)];
    }

    public int neighbour(int i, int k) {
        return neighbours[offsets[i] + k];
    }

    public int size() {
        return offsets.length - 1;
    }
}
