package dev.jobalerts.mail;

import static dev.jobalerts.mail.MailFixtures.FEED;
import static dev.jobalerts.mail.MailFixtures.MANAGE;
import static dev.jobalerts.mail.MailFixtures.UNSUBSCRIBE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailRendererTest {
    private static final Pattern TEXT_URL = Pattern.compile("https?://\\S+");
    private final EmailRenderer renderer = new EmailRenderer();

    @Test
    void alert_rendersHtmlAndTextWithTheSamePostingsAndLinks() {
        OutgoingEmail email = renderer.alert(MailFixtures.alert(3));

        Document html = Jsoup.parse(email.html());
        List<String> htmlLinks = html.select("a[href]").eachAttr("href");
        assertThat(htmlLinks).isEqualTo(textLinks(email.text()));
        for (int n = 0; n < 3; n++) {
            assertThat(html.text()).contains("Senior Python Engineer " + n);
            assertThat(email.text()).contains("Senior Python Engineer " + n);
            assertThat(htmlLinks).contains("https://jobs.example.test/postings/" + n);
        }
        assertThat(html.select("a:contains(Senior Python Engineer 1)").attr("href"))
                .isEqualTo("https://jobs.example.test/postings/1");
    }

    @Test
    void alert_showsEveryPostingDetail() {
        OutgoingEmail email = renderer.alert(MailFixtures.alert(3));
        String html = Jsoup.parse(email.html()).text();

        for (String part : List.of(email.text(), html)) {
            assertThat(part).contains("python backend", "Nielsen", "Infosys", "Berlin, Germany", "London, UK",
                    "EUR 70,000–90,000 a year", "Posted 20 Nov 2026", "matched: python, django", "Full time",
                    "We build data pipelines in Python and Django. You will own services", "Remote");
        }
        assertThat(email.text()).contains("[Remote]");
    }

    @Test
    void alert_whenSalaryWasReadFromTheDescription_saysSo() {
        Posting read = new Posting("p1", "https://x.example.test/p1", "Welder", "Co", "", false, null, null,
                new Salary(58000.0, 91000.0, "USD", "YEAR", true), "", "page");
        Posting stated = new Posting("p2", "https://x.example.test/p2", "Fitter", "Co", "", false, null, null,
                new Salary(60000.0, 70000.0, "USD", "YEAR"), "", "jsonld");
        OutgoingEmail email = renderer.alert(MailFixtures.alert("daily",
                new AlertSection("q", List.of(new AlertItem(read, List.of()), new AlertItem(stated, List.of())))));

        assertThat(email.text()).contains("USD 58,000–91,000 a year (salary read from the posting's text)")
                .contains("USD 60,000–70,000 a year\n").containsOnlyOnce("salary read from the posting's text");
        assertThat(Jsoup.parse(email.html()).text()).contains("USD 58,000–91,000 a year · salary read from the posting's text")
                .containsOnlyOnce("salary read from the posting's text");
    }

    @Test
    void alert_excerptIsShortenedToAboutTwoLines() {
        String longText = "word ".repeat(200);
        Posting posting = new Posting("p", "https://x.example.test/p", "Engineer", "Co", "", false, null, null, null,
                longText, "test");
        OutgoingEmail email = renderer.alert(MailFixtures.alert("daily",
                new AlertSection("q", List.of(new AlertItem(posting, List.of())))));

        String excerpt = email.text().lines().filter(l -> l.contains("word word")).findFirst().orElseThrow().strip();
        assertThat(excerpt).endsWith("…").hasSizeLessThanOrEqualTo(AlertView.EXCERPT_CHARS);
    }

    @Test
    void alert_listsTheOtherBoardsOfAJob_asLinks_escaped_andCapped() {
        Posting posting = new Posting("p", "https://careers.example.test/p", "Site Reliability Engineer", "Fault Labs", "Charlotte, NC",
                false, null, null, null, "", "jsonld");
        List<AlsoOn> boards = List.of(new AlsoOn("JobHub", "https://jobhub.example.test/77"),
                new AlsoOn("<b>Evil</b> Board", "javascript:alert(1)"), new AlsoOn("C", "https://c.example.test/"),
                new AlsoOn("D", "https://d.example.test/"), new AlsoOn("E", "https://e.example.test/"), new AlsoOn("F", "https://f.example.test/"),
                new AlsoOn("G", "https://g.example.test/"));
        OutgoingEmail email = renderer.alert(MailFixtures.alert("instant",
                new AlertSection("q", List.of(new AlertItem(posting, List.of(), boards)))));

        Document html = Jsoup.parse(email.html());
        assertThat(html.text()).contains("also on: JobHub, <b>Evil</b> Board, C, D, E and 2 more");
        assertThat(html.select("a:contains(JobHub)").attr("href")).isEqualTo("https://jobhub.example.test/77");
        assertThat(html.select("a:contains(Evil)")).isEmpty();
        assertThat(email.html()).doesNotContain("javascript:", "<b>Evil");
        assertThat(email.text()).contains("also on: JobHub <https://jobhub.example.test/77>, <b>Evil</b> Board, C <https://c.example.test/>");
    }

    @Test
    void alert_forAJobOnOneBoardOnly_hasNoAlsoOnLine() {
        OutgoingEmail email = renderer.alert(MailFixtures.alert(2));

        assertThat(email.text()).doesNotContain("also on");
        assertThat(email.html()).doesNotContain("also on");
    }

    @Test
    void alert_escapesMarkupInEveryUntrustedField() {
        String evil = "<script>alert(1)</script>\"onload=alert(2) x=\"";
        Posting posting = new Posting("p-evil", "https://jobs.example.test/x?a=1&b='onload=2", evil, evil, evil,
                true, null, null, null, evil, "test");
        OutgoingEmail email = renderer.alert(MailFixtures.alert("instant",
                new AlertSection(evil, List.of(new AlertItem(posting, List.of(evil))))));

        assertThat(email.html()).doesNotContain("<script", "\"onload=");
        Document html = Jsoup.parse(email.html());
        assertThat(html.select("script")).isEmpty();
        assertThat(html.getAllElements()).allSatisfy(e -> assertThat(e.attributes().hasKey("onload")).isFalse());
        assertThat(html.text()).contains("<script>alert(1)</script>\"onload=alert(2)");
        Element title = html.select("a").stream().filter(a -> a.text().startsWith("<script>")).findFirst().orElseThrow();
        assertThat(title.attr("href")).isEqualTo("https://jobs.example.test/x?a=1&b='onload=2");
    }

    @ParameterizedTest
    @CsvSource({"javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "/relative/path", "''"})
    void alert_whenPostingUrlIsNotHttp_showsTitleWithoutLink(String url) {
        Posting posting = new Posting("p", url, "Unlinked Title", "Co", "", false, null, null, null, "", "test");
        OutgoingEmail email = renderer.alert(MailFixtures.alert("instant",
                new AlertSection("q", List.of(new AlertItem(posting, List.of())))));

        Document html = Jsoup.parse(email.html());
        assertThat(html.text()).contains("Unlinked Title");
        assertThat(html.select("a[href]").eachAttr("href")).containsExactly(MANAGE, FEED, UNSUBSCRIBE);
        assertThat(email.html()).doesNotContain("javascript:", "data:text");
    }

    @Test
    void alert_linksCarryTheSubscribersTokens() {
        OutgoingEmail email = renderer.alert(MailFixtures.alert(1));

        Document html = Jsoup.parse(email.html());
        assertThat(html.selectFirst("a:contains(Manage your alerts)").attr("href")).isEqualTo(MANAGE);
        assertThat(html.selectFirst("a:contains(Unsubscribe)").attr("href")).isEqualTo(UNSUBSCRIBE);
        assertThat(email.text()).contains("Manage your alerts: " + MANAGE, "Unsubscribe: " + UNSUBSCRIBE);
    }

    @Test
    void alert_footerLinksTheFeedOfMatches_inBothParts() {
        OutgoingEmail email = renderer.alert(MailFixtures.alert(1));

        assertThat(Jsoup.parse(email.html()).selectFirst("a:contains(feed reader)").attr("href")).isEqualTo(FEED);
        assertThat(email.text()).contains("Follow your matches in a feed reader: " + FEED);
    }

    @Test
    void alert_addsOneClickUnsubscribeHeaders() {
        OutgoingEmail email = renderer.alert(MailFixtures.alert(1));

        assertThat(email.headers()).containsExactly(
                java.util.Map.entry("List-Unsubscribe", "<" + UNSUBSCRIBE + ">"),
                java.util.Map.entry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    }

    @Test
    void alert_whenDigestHas200Matches_lists50AndLinksToManagePage() {
        OutgoingEmail email = renderer.alert(MailFixtures.alert("weekly",
                new AlertSection("python backend", MailFixtures.items(120)),
                new AlertSection("data engineer", MailFixtures.items(80))));

        Document html = Jsoup.parse(email.html());
        assertThat(html.select("a[href^=https://jobs.example.test/]")).hasSize(50);
        assertThat(TEXT_URL.matcher(email.text()).results().filter(m -> m.group().startsWith("https://jobs.")).count())
                .isEqualTo(50);
        assertThat(html.text()).contains("200 new jobs", "first 50", "See all 200", "70 more for this search",
                "80 more for this search");
        assertThat(html.select("a:contains(See all 200)").attr("href")).isEqualTo(MANAGE);
        assertThat(email.text()).contains("See all 200 on your alerts page:\n" + MANAGE);
        assertThat(email.subject()).startsWith("200 new jobs for \"python backend\" and 1 other search — ");
    }

    @Test
    void alert_whenUnderTheCap_saysNothingAboutMore() {
        OutgoingEmail email = renderer.alert(MailFixtures.alert(50));

        assertThat(Jsoup.parse(email.html()).select("a[href^=https://jobs.example.test/]")).hasSize(50);
        assertThat(email.text()).doesNotContain("more for this search", "lists the first");
    }

    @Test
    void alert_severalSearches_getOneSectionEach() {
        OutgoingEmail email = renderer.alert(MailFixtures.alert("daily",
                new AlertSection("python backend", MailFixtures.items(2)),
                new AlertSection("rust \"embedded\"", MailFixtures.items(1))));

        assertThat(email.text()).contains("== Your search: \"python backend\" (2 new matches) ==",
                "== Your search: \"rust \"embedded\"\" (1 new match) ==", "alerts come once a day");
        assertThat(Jsoup.parse(email.html()).text()).contains("“rust \"embedded\"”");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1 | 1 new job for \"python backend\" — Nielsen",
            "2 | 2 new jobs for \"python backend\" — Nielsen and Infosys",
            "3 | 3 new jobs for \"python backend\" — Nielsen, Infosys and 1 more",
            "8 | 8 new jobs for \"python backend\" — Nielsen, Infosys and 2 more"})
    void subject_namesTwoCompaniesAndCountsTheRest(int postings, String expected) {
        assertThat(renderer.alert(MailFixtures.alert(postings)).subject()).isEqualTo(expected);
    }

    @Test
    void subject_isOneLineEvenWhenFieldsHaveLineBreaks() {
        Posting posting = new Posting("p", "", "T", "Evil\r\nBcc: x@example.test", "", false, null, null, null, "", "t");
        OutgoingEmail email = renderer.alert(MailFixtures.alert("instant",
                new AlertSection("python\nbackend", List.of(new AlertItem(posting, List.of())))));

        assertThat(email.subject()).isEqualTo("1 new job for \"python backend\" — Evil Bcc: x@example.test");
    }

    @Test
    void alert_htmlIsMailClientFriendly() {
        String html = renderer.alert(MailFixtures.alert(10)).html();
        Document doc = Jsoup.parse(html);

        assertThat(doc.select("style, script, img, link, iframe, form")).isEmpty();
        assertThat(doc.selectFirst("table[width=600]").attr("style")).contains("max-width:600px");
        assertThat(doc.select("td").eachAttr("style")).allSatisfy(style -> assertThat(style).isNotBlank());
    }

    @Test
    void confirmation_carriesLinkQueryAndIgnoreNote() {
        OutgoingEmail email = renderer.confirmation(MailFixtures.TO, MailFixtures.FROM, "python <backend>",
                "https://alerts.example.test/confirm?token=conf-789&s=1");

        assertThat(email.subject()).isEqualTo("Confirm your job alert for \"python <backend>\"");
        assertThat(email.headers()).isEmpty();
        Document html = Jsoup.parse(email.html());
        assertThat(html.select("a[href]").eachAttr("href")).containsOnly("https://alerts.example.test/confirm?token=conf-789&s=1");
        assertThat(email.html()).doesNotContain("<backend>");
        for (String part : List.of(html.text(), email.text()))
            assertThat(part).contains("python <backend>", "ignore this email", "Confirm");
        assertThat(email.text()).contains("https://alerts.example.test/confirm?token=conf-789&s=1");
    }

    @Test
    void confirmation_rejectsNonHttpLink() {
        assertThatThrownBy(() -> renderer.confirmation("a@example.test", "b@example.test", "q", "javascript:x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confirmUrl");
    }

    @Test
    void alert_fromManyThreads_rendersTheSameEmail() throws Exception {
        AlertEmail alert = MailFixtures.alert(20);
        OutgoingEmail expected = renderer.alert(alert);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = java.util.stream.IntStream.range(0, 40)
                    .mapToObj(i -> pool.submit(() -> renderer.alert(alert))).toList();
            for (var future : futures) assertThat(future.get()).isEqualTo(expected);
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'  two\n\n lines\t here '   | 20 | two lines here",
            "alpha beta gamma delta        | 12 | alpha beta…",
            "abcdefghijklmnopqrstuvwxyz    | 10 | abcdefghi…",
            "short                         | 10 | short"})
    void formats_shortenCollapsesWhitespaceAndCutsAtWords(String input, int max, String expected) {
        assertThat(Formats.shorten(input.replace("\\n", "\n").replace("\\t", "\t"), max)).isEqualTo(expected);
    }

    @Test
    void formats_salaryReadsLikeAPerson() {
        assertThat(Formats.salary(new Salary(45.5, null, "usd", "HOUR"))).isEqualTo("from USD 45.5 an hour");
        assertThat(Formats.salary(new Salary(null, 90000.0, null, null))).isEqualTo("up to 90,000 a year");
        assertThat(Formats.salary(new Salary(5000.0, 5000.0, "GBP", "MONTH"))).isEqualTo("GBP 5,000 a month");
    }

    private static List<String> textLinks(String text) {
        Matcher m = TEXT_URL.matcher(text);
        return m.results().map(r -> r.group()).toList();
    }
}
