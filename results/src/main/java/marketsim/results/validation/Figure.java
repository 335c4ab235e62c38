package marketsim.results.validation;

import java.util.List;

/**
 * A chart a check asks for: lines of what theory expects and what the model gave, against a
 * common x (ticks, a parameter). {@code marketsim validate} writes them to figures.csv and the
 * charts module draws each as charts/validation-ID.png and .svg.
 */
public record Figure(String check, String title, String xLabel, String yLabel, List<Line> lines) {
    /** One line: its label, whether it is theory (drawn dashed) or the model, and its points. */
    public record Line(String label, boolean theory, double[] x, double[] y) {
    }

    public Figure {
        lines = List.copyOf(lines);
    }
}
