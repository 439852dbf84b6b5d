package dev.jobalerts.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.source.SourceKind;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How feed items name their company and place: title forms, authors, a remote-only source. */
class FeedTitlesTest {
    private static final Instant FETCHED = Instant.parse("2026-04-10T12:00:00Z");
    private final PageReaders readers = new PageReaders();

    private List<Posting> read(String items, ExtractionConfig config) {
        String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                + "xmlns:a10=\"http://www.w3.org/2005/Atom\"><channel><title>Jobs</title>" + items + "</channel></rss>";
        return readers.read(new PageContent("https://feed.example/rss", "application/rss+xml", feed, FETCHED), config).postings();
    }

    private static String item(String title, String extra) {
        return "<item><title>" + title + "</title><link>https://feed.example/j/" + Math.abs(title.hashCode()) + "</link>" + extra + "</item>";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ;; ", nullValues = "NULL", textBlock = """
            Senior Data Engineer at Fabrikam (Austin, TX)       ;; ''                                  ;; Senior Data Engineer ;; Fabrikam      ;; Austin, TX
            Barista at Blue Kettle                              ;; ''                                  ;; Barista              ;; Blue Kettle   ;; ''
            Maintenance Technician - Gladstone Foods - Fresno   ;; ''                                  ;; Maintenance Technician ;; Gladstone Foods ;; Fresno
            Payroll Clerk – Valley Supply – Visalia, CA         ;; ''                                  ;; Payroll Clerk        ;; Valley Supply ;; Visalia, CA
            Gullwing Labs: Elixir Developer                     ;; ''                                  ;; Elixir Developer     ;; Gullwing Labs ;; ''
            Forklift Driver - Second Shift                      ;; ''                                  ;; Forklift Driver - Second Shift ;; '' ;; ''
            Work at Home Data Entry Clerk                       ;; ''                                  ;; Work at Home Data Entry Clerk ;; '' ;; ''
            Grant Writer                                        ;; <dc:creator>Harbor Food Bank</dc:creator> ;; Grant Writer   ;; Harbor Food Bank ;; ''
            Volunteer Lead                                      ;; <author>jobs@trust.example (Greenway Trust)</author> ;; Volunteer Lead ;; Greenway Trust ;; ''
            Swimming Teacher                                    ;; <a10:author><a10:name>Leisure Trust</a10:name></a10:author> ;; Swimming Teacher ;; Leisure Trust ;; ''
            Program Manager                                     ;; <author>jobs@board.example</author> ;; Program Manager      ;; ''            ;; ''
            Editor                                              ;; <dc:creator>admin</dc:creator>      ;; Editor               ;; ''            ;; ''
            Welder at Acme (Leeds)                              ;; <location>York</location>           ;; Welder               ;; Acme          ;; York
            Welder                                              ;; <company>Acme</company><dc:creator>Other</dc:creator> ;; Welder ;; Acme     ;; ''
            """)
    void items_nameTheirCompanyAndPlaceTheWayBoardsWriteThem(String title, String extra, String wantTitle, String company, String location) {
        assertThat(read(item(title, extra), ExtractionConfig.auto())).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo(wantTitle);
            assertThat(p.company()).isEqualTo(company);
            assertThat(p.location()).isEqualTo(location);
        });
    }

    @Test
    void remoteOnlySource_makesEveryItemRemoteUnlessItSaysOtherwise() {
        ExtractionConfig remote = new ExtractionConfig(SourceKind.AUTO, Map.of(), "", Locale.US, true);
        List<Posting> postings = read(item("SRE at Corvid", "<location>USA Only</location>")
                + item("Platform Engineer at Heron", "<location>Hybrid - London</location>")
                + item("DevOps at Marten", "<location>Berlin (on-site)</location>") + item("Go developer", ""), remote);
        assertThat(postings).extracting(Posting::remote).containsExactly(true, false, false, true);
    }

    @Test
    void sourceName_isTheCompanyOfItemsThatNameNone_andOnlyOfThose() {
        ExtractionConfig named = new ExtractionConfig(SourceKind.AUTO, Map.of(), "Acme Jobs", Locale.US, false);
        assertThat(read(item("Welder", "") + item("Fitter at Other Co", ""), named)).extracting(Posting::company)
                .containsExactly("Acme Jobs", "Other Co");
    }
}
