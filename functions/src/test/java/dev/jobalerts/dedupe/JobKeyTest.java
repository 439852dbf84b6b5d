package dev.jobalerts.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.posting.Posting;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three parts of the job key, each normalised the way boards vary them. */
class JobKeyTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Fault Labs               | fault labs",
            "Fault Labs, Inc.         | fault labs",
            "FAULT LABS LLC           | fault labs",
            "Fault Labs Incorporated  | fault labs",
            "The Fault Labs Corp.     | fault labs",
            "Brückner Antriebstechnik GmbH & Co. KG | bruckner antriebstechnik",
            "Aurora Robotics S.A.     | aurora robotics",
            "Kestrel Games AG         | kestrel games",
            "Quillfeather Software Ltd | quillfeather",
            "Harbor & Finch Logistics, L.L.C. | harbor and finch logistics",
            "Acme (NASDAQ: ACME) plc  | acme",
            "AG                       | ag",
            "Johnson & Johnson        | johnson and johnson"})
    void company(String raw, String key) {
        assertThat(CompanyKey.of(raw)).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Senior Site Reliability Engineer                   | senior site reliability engineer",
            "Sr. Site Reliability Engineer                      | senior site reliability engineer",
            "Snr Site Reliability Engineer                      | senior site reliability engineer",
            "Sr. Site Reliability Engineer (Remote-friendly)    | senior site reliability engineer",
            "Senior Site Reliability Engineer - Urgent          | senior site reliability engineer",
            "NEW: Senior Site Reliability Engineer              | senior site reliability engineer",
            "NEW Senior Site Reliability Engineer               | senior site reliability engineer",
            "Hiring now: Senior Site Reliability Engineer       | senior site reliability engineer",
            "Senior Site Reliability Engineer · Hiring Now!     | senior site reliability engineer",
            "Senior Site Reliability Engineer - Charlotte, NC   | senior site reliability engineer",
            "Senior Site Reliability Engineer, North Carolina   | senior site reliability engineer",
            "Senior Site Reliability Engineer in Charlotte      | senior site reliability engineer",
            "Senior Site Reliability Engineer at Fault Labs     | senior site reliability engineer",
            "Senior Site Reliability Engineer - $10,000 Sign-On Bonus | senior site reliability engineer",
            "Senior Site Reliability Engineer (Kafka required)  | senior site reliability engineer",
            "Senior Site Reliability Engineer - 100% Remote     | senior site reliability engineer",
            "Senior Site Reliability Engineer (£120k)           | senior site reliability engineer",
            "Site Reliability Engineer - 2                      | site reliability engineer 2",
            "Embedded Software Engineer (m/w/d)                 | embedded software engineer",
            "Embedded Software Engineer m/w/d                   | embedded software engineer",
            "Software Engineer (Backend)                        | software engineer back end",
            "Software Engineer, Backend                         | software engineer back end",
            "Senior Front-End Engineer                          | senior front end engineer",
            "Senior Frontend Engineer                           | senior front end engineer",
            "Software Engineer II                               | software engineer 2",
            "Software Engineer I                                | software engineer 1",
            "Jr. Developer                                      | junior developer",
            "Engineering Mgr, Data Platform                     | engineering manager data platform",
            "New Grad Software Engineer                         | new grad software engineer",
            "Staff Site Reliability Engineer                    | staff site reliability engineer",
            "Remote Sensing Analyst                             | remote sensing analyst",
            "URGENT!!!                                          | urgent"})
    void title(String raw, String key) {
        assertThat(TitleKey.of(raw, "Fault Labs, Inc.", "Charlotte, NC")).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Charlotte, NC                          | false | charlotte nc",
            "Charlotte, North Carolina              | false | charlotte nc",
            "Charlotte, NC 28202                    | false | charlotte nc",
            "Charlotte NC, USA                      | false | charlotte nc",
            "Charlotte, North Carolina, United States | false | charlotte nc",
            "Charlotte, NC (Hybrid)                 | false | charlotte nc",
            "On-site - Charlotte, NC                | false | charlotte nc",
            "Portland, OR                           | false | portland or",
            "Portland, Oregon or Remote             | true  | portland or",
            "Charlotte, NC; Raleigh, NC             | false | charlotte nc + raleigh nc",
            "Raleigh, NC / Charlotte, NC            | false | charlotte nc + raleigh nc",
            "New York                               | false | new york ny",
            "New York, NY                           | false | new york ny",
            "Toronto, ON                            | false | toronto on",
            "Berlin, Germany                        | false | berlin",
            "München, Deutschland                   | false | munich",
            "Zürich                                 | false | zurich",
            "Remote                                 | true  | remote",
            "Anywhere                               | false | remote",
            "Remote - US                            | true  | remote",
            "Remote (North America)                 | true  | remote",
            "United States                          | false | us"})
    void place(String raw, boolean remote, String key) {
        assertThat(PlaceKey.of(raw, remote)).isEqualTo(key);
    }

    @Test
    void place_whenTheLocationIsEmptyAndNotRemote_isNone() {
        assertThat(PlaceKey.of("", false)).isNull();
        assertThat(PlaceKey.of(null, false)).isNull();
        assertThat(PlaceKey.of("", true)).isEqualTo("remote");
    }

    @Test
    void of_withoutCompanyOrPlace_isNoKey() {
        assertThat(JobKey.of(posting("Engineer", "", "Charlotte, NC", false))).isEmpty();
        assertThat(JobKey.of(posting("Engineer", "(formerly Acme)", "Charlotte, NC", false))).isEmpty();
        assertThat(JobKey.of(posting("Engineer", "Fault Labs", "", false))).isEmpty();
    }

    @Test
    void value_isTheThreePartsJoined() {
        JobKey key = JobKey.of(posting("Sr. SRE - Urgent", "Fault Labs, Inc.", "Charlotte, North Carolina", false)).orElseThrow();

        assertThat(key.value()).isEqualTo("fault labs|senior sre|charlotte nc");
    }

    @Test
    void value_ofHostileLongParts_isBoundedByAHash() {
        String huge = "Ünïcödé Engineer ".repeat(200);
        JobKey key = JobKey.of(posting(huge, huge, huge, false)).orElseThrow();

        assertThat(key.value()).startsWith("sha256:").hasSize("sha256:".length() + 64);
        assertThat(key.value().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        assertThat(JobKey.of(posting(huge, huge, huge, false)).orElseThrow().value()).isEqualTo(key.value());
    }

    static Posting posting(String title, String company, String location, boolean remote) {
        return new Posting("p", "https://jobs.example/p", title, company, location, remote, null, null, null, "", "test");
    }
}
