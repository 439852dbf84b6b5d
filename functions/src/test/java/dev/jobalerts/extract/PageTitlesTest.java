package dev.jobalerts.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.extract.Labels.Field;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageTitlesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " ;; ", textBlock = """
            Careers                              ;; true
            Career Opportunities                 ;; true
            Job Details                          ;; true
            Open Positions                       ;; true
            Contoso Careers                      ;; true
            Careers at Contoso                   ;; true
            Join our team!                       ;; true
            Karriere bei Contoso                 ;; true
            Offene Stellen                       ;; true
            Offres d'emploi                      ;; true
            Rejoignez-nous                       ;; true
            Tidewater Dental                     ;; true
            ''                                   ;; true
            Senior Data Engineer                 ;; false
            Social Worker                        ;; false
            Pflegefachkraft (m/w/d)              ;; false
            Head of Careers Services at Contoso  ;; false
            """)
    void isGeneric_tellsSectionHeadingsFromJobTitles(String heading, boolean generic) {
        assertThat(PageTitles.isGeneric(heading, Set.of("Tidewater Dental"))).isEqualTo(generic);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ;; ", nullValues = "NULL", textBlock = """
            Senior Nurse - Raleigh, NC | Contoso Health Careers     ;; Raleigh, NC ;; Senior Nurse
            Contoso Careers - Senior Nurse                          ;; ''          ;; Senior Nurse
            Warehouse Associate – Night Shift | Northwind Traders   ;; ''          ;; Warehouse Associate – Night Shift
            Bicycle Mechanic at Contoso Health                      ;; ''          ;; Bicycle Mechanic
            Offre d'emploi : Boulanger·ère – Fournil                ;; ''          ;; Boulanger·ère
            Softwareentwickler:in Backend – Contoso Health          ;; ''          ;; Softwareentwickler:in Backend
            Careers | Contoso Health                                ;; ''          ;; NULL
            Job Details                                             ;; ''          ;; NULL
            """)
    void jobTitle_takesTheJobsPartOfAPageTitle(String pageTitle, String location, String expected) {
        assertThat(PageTitles.jobTitle(pageTitle, Set.of("Contoso Health"), location)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ;; ", nullValues = "NULL", textBlock = """
            Senior Nurse - Raleigh, NC | Contoso Health       ;; Senior Nurse      ;; Raleigh, NC ;; Contoso Health
            Dental Nurse – Kirkgate Dental Care               ;; Qualified Dental Nurse ;; ''     ;; Kirkgate Dental Care
            Welder | Acme Careers                             ;; Welder            ;; ''          ;; Acme
            Welder at Acme Fabrication                        ;; Welder            ;; ''          ;; Acme Fabrication
            Welder                                            ;; Welder            ;; ''          ;; NULL
            Something else | Acme                             ;; Welder            ;; ''          ;; NULL
            """)
    void company_takesTheOtherPartOfAPageTitle(String pageTitle, String jobTitle, String location, String expected) {
        assertThat(PageTitles.company(pageTitle, jobTitle, location)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " ;; ", nullValues = "NULL", textBlock = """
            job-title                      ;; TITLE
            jobTitle                       ;; TITLE
            posting__title                 ;; TITLE
            job-posting-title              ;; TITLE
            advertiser-name                ;; COMPANY
            company                        ;; COMPANY
            company-logo                   ;; NULL
            hiringOrganization             ;; COMPANY
            job-card__location--small      ;; LOCATION
            relocation                     ;; NULL
            job-detail-location            ;; LOCATION
            posted-date                    ;; DATE
            datePosted                     ;; DATE
            job-detail-work-type           ;; TYPE
            jobDetails__salary             ;; SALARY
            display                        ;; NULL
            title                          ;; NULL
            """)
    void attributeHint_readsTheLastWordsOfAnAttributeName(String name, Field field) {
        assertThat(AttributeHints.field(name)).isEqualTo(field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ;; ", textBlock = """
            Senior Nurse - Raleigh, NC | Contoso ;; Senior Nurse - Raleigh, NC,Contoso
            Nurse – ICU – Leeds                  ;; Nurse,ICU,Leeds
            Entwickler:in · Köln                 ;; Entwickler:in,Köln
            """)
    void parts_splitsAtBarsFirst(String pageTitle, String parts) {
        assertThat(PageTitles.parts(pageTitle)).isEqualTo(List.of(parts.split(",(?! )")));
    }
}
