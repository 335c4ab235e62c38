package marketsim.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a scenario file says to its reader in its opening comments, section by section: its title (the first line,
 * after the name), then "Question:", "What it does:", "What to notice:" and "What to try:" paragraphs, each running
 * until an empty comment line or the next section. The library's files all have them (docs/SCENARIOS.md, "Writing a
 * scenario"); a user's file may have none, and then its description is the question.
 *
 * @param title   the line after the name, e.g. "does teaching customers new purchase criteria pay?"
 * @param question what the scenario asks
 * @param whatItDoes the market it sets up
 * @param whatToNotice what to look at in the results
 * @param whatToTry   levers to move next
 */
public record Story(String title, String question, String whatItDoes, String whatToNotice, String whatToTry) {
    private static final String[] SECTIONS = {"Question", "What it does", "What to notice", "What to try"};

    /** The story of scenario text {@code text} named {@code name}, with {@code description} for a missing question. */
    public static Story of(String name, String text, String description) {
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        String title = "";
        String current = null;
        boolean first = true;
        for (String line : text.split("\\R")) {
            if (!line.startsWith("#")) {
                break; // the opening comments end at the first line of YAML
            }
            String body = line.substring(1).strip();
            if (first) {
                first = false;
                title = body.startsWith(name + ":") ? body.substring(name.length() + 1).strip() : body;
                continue;
            }
            if (body.isEmpty()) {
                current = null;
                continue;
            }
            String started = null;
            for (String section : SECTIONS) {
                if (body.startsWith(section + ":")) {
                    started = section;
                }
            }
            if (started != null) {
                current = started;
                body = body.substring(started.length() + 1).strip();
                sections.put(current, new StringBuilder(body));
            } else if (current != null) {
                sections.get(current).append(' ').append(body);
            }
        }
        String question = text(sections, "Question");
        return new Story(title, question.isEmpty() ? description == null ? "" : description.strip() : question,
                text(sections, "What it does"), text(sections, "What to notice"), text(sections, "What to try"));
    }

    private static String text(Map<String, StringBuilder> sections, String section) {
        StringBuilder b = sections.get(section);
        return b == null ? "" : b.toString().strip();
    }
}
