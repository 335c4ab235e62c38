package marketsim.core.config;

/**
 * A trait distribution within a segment. Implementations are validated records; sampling is
 * done by {@code marketsim.core.consumer.TraitSampler} from the run's population stream.
 */
public sealed interface Distribution {

    /** Every consumer of the segment has {@code value}. */
    record Constant(double value) implements Distribution {
    }

    /** Normal with the given mean and standard deviation ({@code sd >= 0}). */
    record Normal(double mean, double sd) implements Distribution {
        public Normal {
            require(sd >= 0, "sd must be >= 0");
        }
    }

    /** Log-normal: {@code exp(ln(median) + sigma Z)}, {@code median > 0}, {@code sigma >= 0}. */
    record LogNormal(double median, double sigma) implements Distribution {
        public LogNormal {
            require(median > 0, "median must be > 0");
            require(sigma >= 0, "sigma must be >= 0");
        }
    }

    /** Uniform on {@code [min, max)}. */
    record Uniform(double min, double max) implements Distribution {
        public Uniform {
            require(max >= min, "max must be >= min");
        }
    }

    /** Beta(a, b) rescaled from [0,1] to {@code [min, max]}. */
    record Beta(double a, double b, double min, double max) implements Distribution {
        public Beta {
            require(a > 0 && b > 0, "a and b must be > 0");
            require(max >= min, "max must be >= min");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
