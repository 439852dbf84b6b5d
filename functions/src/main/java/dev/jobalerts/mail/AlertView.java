package dev.jobalerts.mail;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.search.SearchMatch;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.url.HttpUrls;
import java.util.ArrayList;
import java.util.List;

/**
 * What the alert templates see: every string already formatted and shortened, nothing escaped (the HTML
 * compiler escapes). Keeping formatting here keeps the HTML and text parts consistent by construction.
 */
record AlertView(String to, String preheader, String headline, List<SectionView> sections, int total, int listed, int hidden,
                 boolean severalSearches, String manageUrl, String unsubscribeUrl, String feedUrl, String frequencyText) {

    /** Two lines of a 600px-wide email at a 14px font hold about this many characters. */
    static final int EXCERPT_CHARS = 180;

    static AlertView of(AlertEmail alert, int maxListed) {
        List<SectionView> sections = new ArrayList<>();
        int budget = maxListed;
        int total = 0;
        for (AlertSection section : alert.sections()) {
            int shown = Math.min(budget, section.items().size());
            total += section.items().size();
            budget -= shown;
            List<ItemView> items = section.items().subList(0, shown).stream().map(ItemView::of).toList();
            sections.add(new SectionView(Formats.oneLine(section.searchQuery()),
                    Formats.plural(section.items().size(), "new match", "new matches"),
                    items, section.items().size() - shown));
        }
        int listed = Math.min(total, maxListed);
        String headline = Formats.plural(total, "new job", "new jobs") + " matching your alert" + (sections.size() > 1 ? "s" : "");
        return new AlertView(Formats.oneLine(alert.to()), preheader(alert), headline, sections, total, listed, total - listed,
                sections.size() > 1, alert.manageUrl(), alert.unsubscribeUrl(), alert.feedUrl(), frequencyText(alert.frequency()));
    }

    private static String preheader(AlertEmail alert) {
        Posting first = alert.sections().get(0).items().get(0).posting();
        String company = Formats.oneLine(first.company());
        return Formats.shorten(first.title(), 80) + (company.isEmpty() ? "" : " at " + company);
    }

    private static String frequencyText(Frequency frequency) {
        return switch (frequency) {
            case DAILY -> "once a day";
            case WEEKLY -> "once a week";
            case INSTANT -> "as soon as new postings are found";
        };
    }

    /** One saved search; {@code hidden} postings were cut by the digest cap and are on the manage page. */
    record SectionView(String query, String countText, List<ItemView> items, int hidden) {}

    /** Boards listed after "also on:" at most; a job on more says "and N more". */
    static final int ALSO_ON_SHOWN = 5;

    /**
     * One posting. {@code url} is empty unless it is an http(s) URL, in which case the title is a link;
     * {@code salaryNote} says where a salary read from the posting's words came from; {@code alsoOn} lists the other
     * boards carrying the job (one line, or none so the templates leave it out).
     */
    record ItemView(String title, String url, String company, String location, boolean remote, String salary,
                    String salaryNote, String posted, String employmentType, String excerpt, String matched, List<AlsoOnView> alsoOn) {

        static ItemView of(AlertItem item) {
            Posting p = item.posting();
            String url = HttpUrls.isAbsoluteHttp(p.url()) ? p.url().trim() : "";
            String matched = SearchMatch.matchedLine(item.matchedTerms());
            return new ItemView(Formats.shorten(p.title(), 200), url, Formats.shorten(p.company(), 100),
                    Formats.shorten(p.location(), 100), p.remote(), Formats.salary(p.salary()), Formats.salaryNote(p.salary()),
                    Formats.date(p.datePosted()), Formats.employmentType(p.employmentType()),
                    Formats.shorten(p.description(), EXCERPT_CHARS), matched, AlsoOnView.of(item.alsoOn()));
        }
    }

    /** The "also on" line: each board a link when its URL is http(s), the last without a comma after it. */
    record AlsoOnView(List<BoardView> boards, String more) {
        static List<AlsoOnView> of(List<AlsoOn> alsoOn) {
            if (alsoOn.isEmpty()) return List.of();
            List<AlsoOn> shown = alsoOn.subList(0, Math.min(ALSO_ON_SHOWN, alsoOn.size()));
            List<BoardView> boards = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                AlsoOn board = shown.get(i);
                boards.add(new BoardView(Formats.shorten(board.name(), 60), HttpUrls.isAbsoluteHttp(board.url()) ? board.url().trim() : "",
                        i == shown.size() - 1));
            }
            int hidden = alsoOn.size() - shown.size();
            return List.of(new AlsoOnView(boards, hidden == 0 ? "" : "and " + hidden + " more"));
        }
    }

    record BoardView(String name, String url, boolean last) {}
}
