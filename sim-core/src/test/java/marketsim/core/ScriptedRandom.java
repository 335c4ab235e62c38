package marketsim.core;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A generator that returns scripted draws in order ({@code Double} for {@link #nextDouble} and
 * {@link #nextGaussian}, {@code Integer} for {@link #nextInt(int)}), and fails on any draw not
 * scripted: a test states exactly which random numbers a mechanism draws.
 */
public final class ScriptedRandom implements RandomGenerator {
    private final Deque<Number> draws = new ArrayDeque<>();

    public ScriptedRandom(Number... draws) {
        this.draws.addAll(List.of(draws));
    }

    @Override
    public double nextDouble() {
        return (Double) next();
    }

    @Override
    public double nextGaussian() {
        return (Double) next();
    }

    @Override
    public int nextInt(int bound) {
        return (Integer) next();
    }

    @Override
    public long nextLong() {
        throw new AssertionError("unexpected draw");
    }

    /** Whether every scripted draw was taken. */
    public boolean exhausted() {
        return draws.isEmpty();
    }

    private Number next() {
        if (draws.isEmpty()) {
            throw new AssertionError("more draws than scripted");
        }
        return draws.removeFirst();
    }
}
