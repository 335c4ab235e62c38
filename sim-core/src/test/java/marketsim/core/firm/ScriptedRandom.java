package marketsim.core.firm;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;

/** A generator that returns scripted draws, in order, and fails on any draw not scripted. */
final class ScriptedRandom implements RandomGenerator {
    private final Deque<Number> draws = new ArrayDeque<>();

    ScriptedRandom(Number... draws) {
        this.draws.addAll(List.of(draws));
    }

    @Override
    public double nextDouble() {
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

    boolean exhausted() {
        return draws.isEmpty();
    }

    private Number next() {
        if (draws.isEmpty()) {
            throw new AssertionError("more draws than scripted");
        }
        return draws.removeFirst();
    }
}
