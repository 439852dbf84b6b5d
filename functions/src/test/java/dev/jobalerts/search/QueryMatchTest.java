package dev.jobalerts.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.posting.Posting;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The query language against posting text, one rule per row. */
class QueryMatchTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static Stream<Arguments> rows() {
        return Stream.of(
                // query, title, company, description, matches
                row("java", "Java Developer", "Acme", "", true),
                row("JAVA", "java developer", "Acme", "", true),
                row("java", "JavaScript Developer", "Acme", "", false),
                row("javascript", "JavaScript Developer", "Acme", "", true),
                row("c", "C++ Engineer", "Acme", "", false),
                row("c++", "C++ Engineer", "Acme", "", true),
                row("c++", "Engineer", "Acme", "We write C++/Java.", true),
                row("c", "Engineer", "Acme", "Embedded C, some Rust", true),
                row("c#", "Engineer", "Acme", "Stack: .NET Core (C#)", true),
                row(".net", "Engineer", "Acme", "Stack: .NET Core (C#)", true),
                row("net", "Engineer", "Acme", "Stack: .NET Core (C#)", false),
                row("asp.net", "ASP.NET developer", "Acme", "", true),
                row("f#", "Engineer", "Acme", "F# and OCaml", true),
                row("node.js", "Engineer", "Acme", "Backend in Node.js, Go and Postgres.", true),
                row("node.js", "Engineer", "Acme", "We love Node.js.", true),
                row("vue.js", "Frontend", "Acme", "Vue.js", true),
                row("vue", "Frontend", "Acme", "Vue.js", false),
                row("eg", "Engineer", "Acme", "tools, e.g. Jira", false),
                row("e.g.", "Engineer", "Acme", "tools, e.g. Jira", true),
                // fields: title, company, description all searched by default
                row("acme", "Engineer", "Acme", "", true),
                row("kafka", "Engineer", "Acme", "We use Kafka", true),
                row("title:kafka", "Engineer", "Acme", "We use Kafka", false),
                row("title:engineer", "Engineer", "Acme", "", true),
                row("company:acme", "Engineer", "Acme Corp", "", true),
                row("company:acme", "Acme Engineer", "Globex", "", false),
                row("title:(senior OR lead) python", "Lead Engineer", "Acme", "Python", true),
                row("title:(senior OR lead) python", "Engineer", "Acme", "senior python people", false),
                // phrases are consecutive words within one field
                row("\"machine learning\"", "Engineer", "Acme", "Machine-learning platform", true),
                row("\"machine learning\"", "Engineer", "Acme", "learning machine", false),
                row("\"machine learning\"", "Machine", "Learning Inc", "", false),
                row("title:\"data engineer\"", "Senior Data Engineer", "Acme", "", true),
                row("full-stack", "Full Stack Developer", "Acme", "", true),
                // prefixes
                row("develop*", "Developer", "Acme", "", true),
                row("develop*", "Engineer", "Acme", "software development", true),
                row("develop*", "Engineer", "Acme", "devops", false),
                row("title:develop*", "Engineer", "Acme", "software development", false),
                // boolean operators and precedence
                row("python django", "Python Engineer", "Acme", "Django", true),
                row("python django", "Python Engineer", "Acme", "Flask", false),
                row("python AND django", "Python Engineer", "Acme", "Flask", false),
                row("python OR ruby", "Ruby Engineer", "Acme", "", true),
                row("python -django", "Python Engineer", "Acme", "Django", false),
                row("python NOT django", "Python Engineer", "Acme", "Flask", true),
                row("-senior -lead", "Engineer", "Acme", "", true),
                row("-senior -lead", "Senior Engineer", "Acme", "", false),
                row("NOT senior", "Junior Engineer", "Acme", "", true),
                // a b OR c is (a AND b) OR c
                row("python django OR ruby", "Ruby Engineer", "Acme", "", true),
                row("python django OR ruby", "Python Engineer", "Acme", "", false),
                // NOT a OR b is (NOT a) OR b
                row("NOT python OR ruby", "Python Ruby", "Acme", "", true),
                row("NOT python OR ruby", "Python", "Acme", "", false),
                row("-(python OR ruby) engineer", "Go Engineer", "Acme", "", true),
                row("-(python OR ruby) engineer", "Ruby Engineer", "Acme", "", false),
                // no stemming
                row("developer", "Developers wanted", "Acme", "", false),
                // operators are upper case only: lower-case "and" is a word
                row("research and development", "R&D", "Acme", "research and development", true),
                row("", "Anything", "Acme", "", true));
    }

    private static Arguments row(String query, String title, String company, String description, boolean matches) {
        return Arguments.of(query, title, company, description, matches);
    }

    @ParameterizedTest(name = "[{index}] {0} in \"{1}\" / \"{2}\" / \"{3}\" -> {4}")
    @MethodSource("rows")
    void evaluate_appliesTheQueryLanguage(String query, String title, String company, String description, boolean matches) {
        Posting posting = TestPostings.text(title, company, description);

        Optional<SearchMatch> match = SearchEvaluator.evaluate("k", SavedSearch.ofQuery("s", query), posting, null, TODAY);

        assertThat(match.isPresent()).isEqualTo(matches);
    }

    @Test
    void evaluate_whenMatched_explainsWithMatchedTermsInQueryOrder() {
        Posting posting = TestPostings.text("Senior Python Developer", "Acme", "Django, REST, machine learning. Python!");

        SearchMatch match = SearchEvaluator.evaluate("k", SavedSearch.ofQuery("s",
                "python (django OR flask) \"machine learning\" develop* -php (title:rust OR title:senior)"),
                posting, null, TODAY).orElseThrow();

        assertThat(match.matchedTerms()).containsExactly("python", "django", "machine learning", "developer", "senior");
    }

    @Test
    void evaluate_whenOrBranchFailed_doesNotExplainWithItsWords() {
        Posting posting = TestPostings.text("Python Developer", "Acme", "");

        SearchMatch match = SearchEvaluator.evaluate("k", SavedSearch.ofQuery("s", "(python django) OR developer"),
                posting, null, TODAY).orElseThrow();

        assertThat(match.matchedTerms()).isEqualTo(List.of("developer"));
    }

    @Test
    void evaluate_whenSearchHasOnlyFilters_explainsWithNoTerms() {
        SearchMatch match = SearchEvaluator.evaluate("k", SavedSearch.ofQuery("s", ""),
                TestPostings.text("Anything", "Acme", ""), null, TODAY).orElseThrow();

        assertThat(match.matchedTerms()).isEmpty();
    }

    @Test
    void evaluate_whenQueryDoesNotParse_throwsInvalidSearchNamingQuery() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SearchEvaluator.evaluate("k",
                        SavedSearch.ofQuery("s", "(python"), TestPostings.text("x", "y", "z"), null, TODAY))
                .isInstanceOfSatisfying(InvalidSearchException.class, e -> {
                    assertThat(e.field()).isEqualTo("query");
                    assertThat(e.getMessage()).isEqualTo("unclosed parenthesis at position 0");
                });
    }
}
