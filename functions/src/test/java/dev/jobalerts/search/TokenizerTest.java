package dev.jobalerts.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenizerTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("Senior Java Developer", List.of("senior", "java", "developer")),
                Arguments.of("JavaScript and Java", List.of("javascript", "and", "java")),
                Arguments.of("We use Node.js, React and Vue.js.", List.of("we", "use", "node.js", "react", "and", "vue.js")),
                Arguments.of("C++/Java", List.of("c++", "java")),
                Arguments.of("Experience with C, C++ and C#", List.of("experience", "with", "c", "c++", "and", "c#")),
                Arguments.of("(C#)", List.of("c#")),
                Arguments.of("F# or OCaml", List.of("f#", "or", "ocaml")),
                Arguments.of(".NET Core and ASP.NET MVC", List.of(".net", "core", "and", "asp.net", "mvc")),
                Arguments.of("C#/.NET", List.of("c#", ".net")),
                Arguments.of("tools, e.g. Jira", List.of("tools", "e.g", "jira")),
                Arguments.of("Modern C++17", List.of("modern", "c++", "17")),
                Arguments.of("5+ years", List.of("5", "years")),
                Arguments.of("java+spring", List.of("java", "spring")),
                Arguments.of("full-stack, front-end", List.of("full", "stack", "front", "end")),
                Arguments.of("Python 3.11 required.", List.of("python", "3.11", "required")),
                Arguments.of("Zürich / Genève", List.of("zürich", "genève")),
                Arguments.of("Ends with .NET", List.of("ends", "with", ".net")),
                Arguments.of("...", List.of()),
                Arguments.of("", List.of()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("texts")
    void words_splitsTextIntoLowerCaseWordsKeepingTechNamesWhole(String text, List<String> expected) {
        assertThat(Tokenizer.words(text)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("texts")
    void wordsWithOffsets_pointsAtTheSourceText(String text, List<String> expected) {
        for (Tokenizer.Word word : Tokenizer.wordsWithOffsets(text)) {
            assertThat(text.substring(word.start(), word.end()).toLowerCase(java.util.Locale.ROOT)).isEqualTo(word.text());
        }
    }
}
