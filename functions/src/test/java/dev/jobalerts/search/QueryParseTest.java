package dev.jobalerts.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryParseTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("python", "python"),
                Arguments.of("Python Django", "AND(python django)"),
                Arguments.of("python AND django", "AND(python django)"),
                Arguments.of("python OR java", "OR(python java)"),
                // AND binds tighter than OR
                Arguments.of("a b OR c", "OR(AND(a b) c)"),
                Arguments.of("a OR b c", "OR(a AND(b c))"),
                Arguments.of("a OR b AND c", "OR(a AND(b c))"),
                // NOT binds tighter than AND
                Arguments.of("NOT a b", "AND(NOT(a) b)"),
                Arguments.of("-a b", "AND(NOT(a) b)"),
                Arguments.of("a -b", "AND(a NOT(b))"),
                Arguments.of("a OR NOT b", "OR(a NOT(b))"),
                Arguments.of("NOT (a OR b)", "NOT(OR(a b))"),
                Arguments.of("-(a OR b) c", "AND(NOT(OR(a b)) c)"),
                Arguments.of("NOT NOT a", "NOT(NOT(a))"),
                Arguments.of("(a OR b) c", "AND(OR(a b) c)"),
                Arguments.of("a OR b OR c", "OR(a b c)"),
                Arguments.of("a AND (b AND c)", "AND(a b c)"),
                Arguments.of("-java -php", "AND(NOT(java) NOT(php))"),
                Arguments.of("title:(senior OR lead) python", "AND(OR(title:senior title:lead) python)"),
                Arguments.of("Title:Python", "title:python"),
                Arguments.of("title: python", "title:python"),
                Arguments.of("company:acme", "company:acme"),
                Arguments.of("title:(a company:b)", "AND(title:a company:b)"),
                Arguments.of("\"Machine Learning\"", "\"machine learning\""),
                Arguments.of("title:\"data engineer\"", "title:\"data engineer\""),
                Arguments.of("-\"cover letter\"", "NOT(\"cover letter\")"),
                Arguments.of("\"python\"", "python"),
                Arguments.of("develop*", "develop*"),
                Arguments.of("title:eng*", "title:eng*"),
                Arguments.of("full-stack", "\"full stack\""),
                Arguments.of("C++/Java", "\"c++ java\""),
                Arguments.of("C++ c# F# .NET node.js", "AND(c++ c# f# .net node.js)"),
                Arguments.of("research and development", "AND(research and development)"),
                Arguments.of("python & django", "AND(python django)"),
                Arguments.of("python -", "python"),
                Arguments.of("   ", ""),
                Arguments.of("", ""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("valid")
    void parse_whenQueryIsValid_buildsTreeWithPrecedenceNotAndOr(String text, String canonical) {
        QueryParseResult result = Query.parse(text);

        assertThat(result).isInstanceOf(QueryParseResult.Parsed.class);
        assertThat(((QueryParseResult.Parsed) result).query().canonical()).isEqualTo(canonical);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("(python", 0, "unclosed parenthesis at position 0"),
                Arguments.of("python (java OR c", 7, "unclosed parenthesis at position 7"),
                Arguments.of("python)", 6, "unexpected ')' without a matching '(' at position 6"),
                Arguments.of("\"data engineer", 0, "unclosed quote at position 0"),
                Arguments.of("java \"\"", 5, "empty phrase at position 5"),
                Arguments.of("python AND", 7, "AND needs a term after it at position 7"),
                Arguments.of("a AND OR b", 2, "AND needs a term after it at position 2"),
                Arguments.of("OR python", 0, "OR needs a term before it at position 0"),
                Arguments.of("python OR", 7, "OR needs a term after it at position 7"),
                Arguments.of("NOT", 0, "NOT needs a term after it at position 0"),
                Arguments.of("a NOT", 2, "NOT needs a term after it at position 2"),
                Arguments.of("java ()", 5, "empty parentheses at position 5"),
                Arguments.of("title:", 0, "title: needs a term, phrase or group after it at position 0"),
                Arguments.of("java location:berlin", 5, "unknown field 'location:'"),
                Arguments.of("dev*ops", 3, "'*' is only allowed at the end of a term at position 3"),
                Arguments.of("a*", 0, "at least 2 characters before '*' at position 0"),
                Arguments.of("java *", 5, "'*' needs a word before it at position 5"),
                Arguments.of("full-sta*", 0, "must be a single word at position 0"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalid")
    void parse_whenQueryIsInvalid_namesPositionAndProblem(String text, int position, String message) {
        QueryParseResult result = Query.parse(text);

        assertThat(result).isInstanceOf(QueryParseResult.Invalid.class);
        QueryParseResult.Invalid invalid = (QueryParseResult.Invalid) result;
        assertThat(invalid.position()).isEqualTo(position);
        assertThat(invalid.message()).contains(message);
    }

    @Test
    void parse_whenLongerThan500Characters_isRejected() {
        QueryParseResult result = Query.parse("a".repeat(501));

        assertThat(result).isEqualTo(new QueryParseResult.Invalid(500,
                "query is longer than 500 characters at position 500"));
    }

    @Test
    void parse_when500Characters_isAccepted() {
        assertThat(Query.parse("a".repeat(500))).isInstanceOf(QueryParseResult.Parsed.class);
    }

    @Test
    void parse_whenMoreThan50Terms_isRejectedAtThe51st() {
        String terms = IntStream.range(0, 51).mapToObj(i -> "t" + i).collect(Collectors.joining(" "));
        int position51 = terms.indexOf("t50");

        QueryParseResult result = Query.parse(terms);

        assertThat(result).isEqualTo(new QueryParseResult.Invalid(position51,
                "too many terms (at most 50) at position " + position51));
    }

    @Test
    void parse_when50Terms_isAccepted() {
        String terms = IntStream.range(0, 50).mapToObj(i -> "t" + i).collect(Collectors.joining(" OR "));

        assertThat(Query.parse(terms)).isInstanceOf(QueryParseResult.Parsed.class);
    }
}
