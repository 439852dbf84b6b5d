package dev.jobalerts.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PageContent;
import dev.jobalerts.extract.PostingDraft;
import dev.jobalerts.source.SourceDefinition;
import dev.jobalerts.source.SourceKind;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TeamtailorAdapterTest {
    private static final Instant FETCHED = Instant.parse("2026-04-10T12:00:00Z");
    private final Adapters adapters = new Adapters();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://nordvik.teamtailor.com                                   | https://nordvik.teamtailor.com/jobs.rss?offset=0&per_page=100
            https://nordvik.teamtailor.com/jobs                              | https://nordvik.teamtailor.com/jobs.rss?offset=0&per_page=100
            https://nordvik.teamtailor.com/jobs/7300101-battery-engineer     | https://nordvik.teamtailor.com/jobs.rss?offset=0&per_page=100
            https://nordvik.teamtailor.com/jobs?department=Engineering       | https://nordvik.teamtailor.com/jobs.rss?offset=0&per_page=100
            https://nordvik.teamtailor.com/sv/jobs                           | https://nordvik.teamtailor.com/sv/jobs.rss?offset=0&per_page=100
            https://nordvik.teamtailor.com/en-GB/jobs/7300101-x              | https://nordvik.teamtailor.com/en-GB/jobs.rss?offset=0&per_page=100
            https://meteor-1691.na.teamtailor.com/jobs                       | https://meteor-1691.na.teamtailor.com/jobs.rss?offset=0&per_page=100
            https://career.teamtailor.com/jobs                               | https://career.teamtailor.com/jobs.rss?offset=0&per_page=100
            https://nordvik.teamtailor.com/jobs.rss                          | https://nordvik.teamtailor.com/jobs.rss?offset=0&per_page=100
            """)
    void detect_recognisesCareerSiteUrls_andAsksForTheFirstFeedPage(String url, String feed) {
        Board board = adapters.detect(URI.create(url)).orElseThrow();
        assertThat(board.kind()).isEqualTo(SourceKind.TEAMTAILOR);
        ApiRequest first = board.firstPage(Map.of());
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.url()).hasToString(feed);
        assertThat(first.position()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.teamtailor.com/jobs", "https://app.teamtailor.com/jobs", "https://api.teamtailor.com/v1/jobs",
            "https://teamtailor.com/jobs", "https://careers.nordvik.example/jobs", "https://nordvik.teamtailor.com.evil.example/jobs"})
    void detect_whenNotATeamtailorCareerSite_isNotTeamtailor(String url) {
        assertThat(adapters.detect(URI.create(url)).map(Board::kind).orElse(SourceKind.AUTO)).isNotEqualTo(SourceKind.TEAMTAILOR);
    }

    @Test
    void board_whenTheSourceNamesTheKindOnItsOwnDomain_readsThatDomainsFeed() {
        Board board = adapters.board(SourceDefinition.of("n", "https://careers.nordvik.example/sv/jobs", SourceKind.TEAMTAILOR));
        assertThat(board.firstPage(Map.of()).url()).hasToString("https://careers.nordvik.example/sv/jobs.rss?offset=0&per_page=100");
    }

    @Test
    void readListing_whenThePageIsFull_asksForTheNextOffset() {
        Board board = board();
        ApiRequest first = board.firstPage(Map.of());
        ListingPage page = read(board, first, feed("Nordvik Energi AB", items(1, 100)));
        assertThat(page.entries()).hasSize(100).noneMatch(ListingEntry::needsDetail);
        assertThat(page.next()).isNotNull();
        assertThat(page.next().url()).hasToString("https://nordvik.teamtailor.com/jobs.rss?offset=100&per_page=100");
        assertThat(page.next().position()).isEqualTo(100);

        ListingPage second = read(board, page.next(), feed("Nordvik Energi AB", items(101, 100)));
        assertThat(second.next().url()).hasToString("https://nordvik.teamtailor.com/jobs.rss?offset=200&per_page=100");
    }

    @Test
    void readListing_whenThePageIsShort_isTheLast() {
        Board board = board();
        ListingPage page = read(board, board.firstPage(Map.of()).at(100), feed("Nordvik Energi AB", items(101, 3)));
        assertThat(page.entries()).hasSize(3);
        assertThat(page.next()).isNull();
    }

    @Test
    void readListing_whenReadAgainFromStore_asksForNothingMore() {
        ListingPage page = read(board(), null, feed("Nordvik Energi AB", items(1, 100)));
        assertThat(page.entries()).hasSize(100);
        assertThat(page.next()).isNull();
    }

    @Test
    void readListing_mapsAnItem() {
        String item = """
                <item><title>Battery Engineer</title><description>&lt;p&gt;Design packs&lt;/p&gt;</description>
                <pubDate>Thu, 02 Apr 2026 09:15:00 +0200</pubDate><link>https://nordvik.teamtailor.com/jobs/7300101-battery-engineer</link>
                <remoteStatus>fully</remoteStatus><guid>5e1f0000-0000-4000-8000-000000000001</guid>
                <tt:locations><tt:location><tt:name>Stockholm HQ</tt:name><tt:address>Sveavägen 44</tt:address><tt:city>Stockholm</tt:city>
                <tt:country>Sweden</tt:country></tt:location><tt:location><tt:name>Remote - Nordics</tt:name></tt:location>
                <tt:location><tt:name>Oslo</tt:name><tt:country>Norway</tt:country></tt:location></tt:locations></item>""";
        PostingDraft d = read(board(), null, feed("Nordvik Energi AB", item)).entries().get(0).draft();
        assertThat(d.atsId).isEqualTo("teamtailor:5e1f0000-0000-4000-8000-000000000001");
        assertThat(d.title).isEqualTo("Battery Engineer");
        assertThat(d.url).isEqualTo("https://nordvik.teamtailor.com/jobs/7300101-battery-engineer");
        assertThat(d.company).isEqualTo("Nordvik Energi AB");
        assertThat(d.companyFromSlug).isFalse();
        assertThat(d.location).isEqualTo("Stockholm, Sweden; Remote - Nordics; Oslo, Norway");
        assertThat(d.remote).isTrue();
        assertThat(d.datePosted).isEqualTo("Thu, 02 Apr 2026 09:15:00 +0200");
        assertThat(d.description).isEqualTo("<p>Design packs</p>");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            <guid>5e1f0000-0000-4000-8000-000000000009</guid><link>https://nordvik.teamtailor.com/jobs/9-x</link> | teamtailor:5e1f0000-0000-4000-8000-000000000009
            <link>https://nordvik.teamtailor.com/jobs/7300109-planner</link>                                        | teamtailor:nordvik:7300109
            <guid>https://nordvik.teamtailor.com/jobs/9</guid><link>https://nordvik.teamtailor.com/sv/jobs/9?x=1</link> | teamtailor:nordvik:9
            <link>https://nordvik.teamtailor.com/departments/sales</link>                                           | -
            """)
    void readListing_idIsTheGuid_elseTheJobIdFromTheLink(String fields, String id) {
        PostingDraft d = read(board(), null, feed("N", "<item><title>T</title>" + fields + "</item>")).entries().get(0).draft();
        assertThat(d.atsId).isEqualTo(id);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"none", "hybrid", "temporary", "", "FULLY"})
    void readListing_onlyAFullyRemoteJobIsRemote(String status) {
        PostingDraft d = read(board(), null, feed("N", "<item><title>T</title><remoteStatus>" + status + "</remoteStatus></item>"))
                .entries().get(0).draft();
        assertThat(d.remote).isEqualTo(status.equals("FULLY"));
    }

    @Test
    void readListing_whenTheChannelHasNoTitle_theCompanyIsTheSubdomain() {
        PostingDraft d = read(board(), null, feed("", "<item><title>T</title></item>")).entries().get(0).draft();
        assertThat(d.company).isEqualTo("nordvik");
        assertThat(d.companyFromSlug).isTrue();
    }

    @Test
    void readListing_whenNoJobsAreOpen_isAnEmptyLastPage() {
        ListingPage page = read(board(), board().firstPage(Map.of()), feed("Nordvik Energi AB", ""));
        assertThat(page.readable()).isTrue();
        assertThat(page.entries()).isEmpty();
        assertThat(page.next()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            html page          | <!DOCTYPE html><html><body>Current openings</body></html>          | HTML page instead of XML
            json feed          | {"version": "https://jsonfeed.org/version/1.1", "items": []}        | JSON instead of XML
            atom feed          | <feed xmlns="http://www.w3.org/2005/Atom"><entry/></feed>           | <feed> where <rss> was expected
            rss without channel| <rss version="2.0"><item><title>x</title></item></rss>              | no <channel>
            """)
    void readListing_whenTheAnswerIsNotTheFeed_isUnreadable(String what, String body, String problem) {
        ListingPage page = read(board(), board().firstPage(Map.of()), body);
        assertThat(page.readable()).isFalse();
        assertThat(page.problem()).contains(problem);
        assertThat(page.next()).isNull();
    }

    @Test
    void readListing_skipsGarbledItems_andInventsNothing() {
        String body = feed("N", "<item><title>Unclosed<link>https://nordvik.teamtailor.com/jobs/1-a</link></item>"
                + "<item><title></title><guid>abc</guid></item>"
                + "<item><title>Kept</title><guid>def</guid></item>");
        Extraction ctx = new Extraction(page(body));
        ListingPage page = board().readListing(null, page(body), ctx);
        // The untitled item is a draft the normaliser drops; the garbled one never becomes a draft.
        assertThat(page.entries()).extracting(e -> e.draft().title).containsExactly(null, "Kept");
        assertThat(ctx.warnings()).singleElement().asString().contains("unclosed element");
    }

    private Board board() {
        return adapters.detect(URI.create("https://nordvik.teamtailor.com/jobs")).orElseThrow();
    }

    private static String items(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(n -> "<item><title>Job " + n + "</title><guid>g-" + n + "</guid>"
                + "<link>https://nordvik.teamtailor.com/jobs/" + n + "-job</link></item>").collect(Collectors.joining());
    }

    private static String feed(String title, String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:tt=\"https://teamtailor.com/locations\"><channel><title>"
                + title + "</title><link>https://nordvik.teamtailor.com/jobs</link>" + items + "</channel></rss>";
    }

    private static PageContent page(String body) {
        return new PageContent("https://nordvik.teamtailor.com/jobs.rss?offset=0&per_page=100", "application/rss+xml", body, FETCHED);
    }

    private static ListingPage read(Board board, ApiRequest request, String body) {
        return board.readListing(request, page(body), new Extraction(page(body)));
    }
}
