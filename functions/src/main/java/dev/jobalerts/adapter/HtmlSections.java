package dev.jobalerts.adapter;

import java.util.regex.Pattern;

/**
 * A description that an API hands out in parts (SmartRecruiters' job-ad sections, Recruitee's description and
 * requirements, Workable's description, requirements and benefits), put together in the order the careers page shows
 * them, each part under its heading. Blank parts are left out; a part written as plain text keeps its line breaks.
 */
final class HtmlSections {
    /** A tag opening, closing or comment: what tells an HTML part from plain text. */
    private static final Pattern TAG = Pattern.compile("<[A-Za-z/!]");

    private final StringBuilder html = new StringBuilder();

    /** Adds a part under {@code heading} (none when null or blank); a blank {@code body} adds nothing. */
    HtmlSections add(String heading, String body) {
        if (body == null || body.isBlank()) return this;
        if (heading != null && !heading.isBlank()) html.append("<h3>").append(escape(heading.strip())).append("</h3>");
        html.append("<div>").append(TAG.matcher(body).find() ? body : escape(body).replace("\n", "<br>")).append("</div>");
        return this;
    }

    /** The parts as one HTML fragment; null when every part was blank. */
    String html() {
        return html.length() == 0 ? null : html.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
