package dev.jobalerts.extract;

import dev.jobalerts.extract.Labels.Field;
import dev.jobalerts.posting.EmploymentTypes;
import dev.jobalerts.posting.PostingDates;
import dev.jobalerts.posting.SalaryText;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The values of a page's field labels, in every layout pages use for them:
 * <ul>
 * <li>label and value in one line: {@code Company: Contoso}, also as lines of one block split by {@code <br>};
 * <li>a bold or spanned label and the text after it: {@code <strong>Location:</strong> Lyon<br>};
 * <li>a label element and its next sibling: {@code <dt>}/{@code <dd>}, {@code <th>}/{@code <td>},
 *     {@code <td>}/{@code <td>}, two {@code <div>}s or {@code <span>}s, a heading and its paragraph;
 * <li>a label on its own line and the value on the next: {@code Location:<br>Raleigh}.
 * </ul>
 * The colon is optional wherever the label is a whole element. The first usable value of each field wins; a value
 * that is empty, too long for a field, itself a label, or not a date/type/salary where one is due is no value, and
 * the next label of that field gets its chance. Every text read is bounded, so a page of deeply nested tables costs
 * no more than its size.
 */
final class LabelledFields {
    static final int MAX_FIELD_LENGTH = 120;
    /** Label elements are looked for this many levels up from the label's text ({@code <td><b><span>Location}). */
    private static final int MAX_CLIMB = 4;
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tbody",
            "thead", "tfoot", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header",
            "footer", "aside", "nav", "main", "form", "hr", "br", "address", "blockquote", "pre", "figure", "body", "fieldset");

    private final Map<Field, String> values = new EnumMap<>(Field.class);
    private final Map<Field, Set<String>> seen = new EnumMap<>(Field.class);
    /** The labels' and values' elements, left out of the description. */
    private final Set<Element> used;
    /** Blocks already measured by {@link #facts}: the lines of one {@code <br>} block share it. */
    private final Map<Element, List<Element>> blocks = new IdentityHashMap<>();
    private final Instant fetchedAt;

    private LabelledFields(Set<Element> used, Instant fetchedAt) {
        this.used = used;
        this.fetchedAt = fetchedAt;
    }

    /** Reads every label the scan found; the elements that held labels and values are added to {@code used}. */
    static LabelledFields read(List<PageScan.LabelText> labels, Instant fetchedAt, Set<Element> used) {
        LabelledFields fields = new LabelledFields(used, fetchedAt);
        for (PageScan.LabelText label : labels) fields.take(label);
        return fields;
    }

    /** The first usable value of a field, or null. For a salary it is the label and its value ("Annual salary: …"). */
    String get(Field field) {
        return values.get(field);
    }

    boolean has(Field field) {
        return values.containsKey(field);
    }

    int size() {
        return values.size();
    }

    /**
     * How many different values the page gives one field: a job page has one company and one location; several
     * are a listing, or labels that contradict each other.
     */
    int distinct(Field field) {
        Set<String> values = seen.get(field);
        return values == null ? 0 : values.size();
    }

    private void take(PageScan.LabelText label) {
        Value value = value(label.node(), label.hit());
        if (value == null) return;
        Field field = label.hit().field();
        String text = clean(value.text);
        if (!usable(field, text, label.node().getWholeText())) return;
        if (field == Field.TITLE || field == Field.COMPANY || field == Field.LOCATION) {
            Set<String> values = seen.computeIfAbsent(field, f -> new HashSet<>());
            if (values.size() < 8) values.add(text.toLowerCase(Locale.ROOT));
        }
        if (values.containsKey(field)) return;
        values.put(field, field == Field.SALARY ? label.node().getWholeText().trim() + " " + text : text);
        // A pay line often says more ("plus equity", "DOE"): it stays in the description, the other facts leave it.
        if (field != Field.SALARY) used.addAll(value.elements);
    }

    private boolean usable(Field field, String text, String labelText) {
        if (text.isEmpty() || text.length() > MAX_FIELD_LENGTH || Labels.isLabel(text)) return false;
        return switch (field) {
            case DATE -> PostingDates.normalise(text, fetchedAt) != null;
            case TYPE -> EmploymentTypes.normalise(text) != null;
            case SALARY -> SalaryText.find(labelText.trim() + " " + text) != null;
            default -> hasLetterOrDigit(text);
        };
    }

    /** A label's value and the elements it was read from. */
    private record Value(String text, List<Element> elements) {}

    private Value value(TextNode node, Labels.Hit hit) {
        Element parent = node.parentNode() instanceof Element el ? el : null;
        String whole = node.getWholeText();
        // "Company: Contoso", "Company: <a>Contoso</a>", "Location: Raleigh, <span>NC</span>" up to the line's end.
        String rest = hit.valueStart() >= 0 ? whole.substring(hit.valueStart()) : "";
        String run = run(node.nextSibling());
        if (run == null) return null;
        String inLine = rest + run;
        if (!inLine.isBlank()) return new Value(inLine, facts(parent));
        // "Location:<br>Raleigh": the value on the next line of the same block.
        Node next = nextNonBlank(node.nextSibling());
        if (next instanceof Element br && br.nameIs("br")) {
            String line = run(br.nextSibling());
            if (line != null && !line.isBlank()) return new Value(line, facts(parent));
        }
        // A label element: the outermost element around the label that holds nothing else.
        String label = collapse(whole);
        Element element = null;
        Element el = parent;
        for (int level = 0; el != null && !el.nameIs("body") && level < MAX_CLIMB; level++, el = el.parent()) {
            if (!label.equals(text(el, label.length() + 1))) break;
            element = el;
        }
        if (element == null) return null;
        if (!BLOCKS.contains(element.normalName())) {
            String after = run(element.nextSibling());
            if (after != null && !after.isBlank()) return new Value(after, facts(element.parent()));
        }
        Element sibling = element.nextElementSibling();
        if (sibling == null) return null;
        String text = text(sibling, MAX_FIELD_LENGTH);
        return text == null ? null : new Value(text, List.of(element, sibling));
    }

    /** The block of facts a label line sits in, to leave out of the description; none when it holds more than facts. */
    private List<Element> facts(Element block) {
        if (block == null || block.nameIs("body")) return List.of();
        return blocks.computeIfAbsent(block, b -> text(b, 400) == null ? List.of() : List.of(b));
    }

    /**
     * The text of the inline nodes from {@code start} to the end of its line (a {@code <br>}, a block, another label);
     * null when longer than a field can be.
     */
    private static String run(Node start) {
        StringBuilder out = new StringBuilder();
        for (Node n = start; n != null; n = n.nextSibling()) {
            if (n instanceof TextNode text) {
                out.append(text.getWholeText());
            } else if (n instanceof Element el) {
                if (BLOCKS.contains(el.normalName())) break;
                String text = text(el, MAX_FIELD_LENGTH);
                if (text == null) return null;
                if (Labels.isLabel(text)) break;
                out.append(text);
            }
            if (out.length() > 2 * MAX_FIELD_LENGTH) return null;
        }
        return out.toString();
    }

    private static Node nextNonBlank(Node from) {
        Node n = from;
        while (n instanceof TextNode text && text.isBlank()) n = n.nextSibling();
        return n;
    }

    /**
     * An element's text with whitespace collapsed, as {@link Element#text()} gives it, or null when it is longer than
     * {@code max}: the walk stops there, so a label inside a table of a million cells costs a few hundred characters.
     */
    static String text(Element el, int max) {
        StringBuilder out = new StringBuilder();
        boolean[] tooLong = {false};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    appendCollapsed(out, text.getWholeText());
                } else if (node instanceof Element e && (e.nameIs("br") || BLOCKS.contains(e.normalName())) && out.length() > 0
                        && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
                if (out.length() > max + 1) {
                    tooLong[0] = true;
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, el);
        String text = out.toString().trim();
        return tooLong[0] || text.length() > max ? null : text;
    }

    /** Appends the text with each run of spaces as one space; words are copied whole, not char by char. */
    static void appendCollapsed(StringBuilder out, String text) {
        int n = text.length();
        for (int i = 0; i < n; ) {
            if (Labels.isSpace(text.charAt(i))) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') out.append(' ');
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n && !Labels.isSpace(text.charAt(end))) end++;
            out.append(text, i, end);
            i = end;
        }
    }

    static String collapse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        appendCollapsed(out, text);
        return out.toString().trim();
    }

    /** Collapsed, without the separator a layout may leave before the value (": Lyon", "– Lyon", "| Lyon"). */
    private static String clean(String raw) {
        String text = collapse(raw);
        int i = 0;
        while (i < text.length() && (":：-–—|·".indexOf(text.charAt(i)) >= 0 || text.charAt(i) == ' ')) i++;
        return text.substring(i).trim();
    }

    private static boolean hasLetterOrDigit(String text) {
        for (int i = 0; i < text.length(); i++) if (Character.isLetterOrDigit(text.charAt(i))) return true;
        return false;
    }
}
