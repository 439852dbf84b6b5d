package dev.jobalerts.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchMatchTest {
    @Test
    void matchedLine_joinsTheTermsInOrder_collapsingWhitespace_andLeavingOutEmptyOnes() {
        assertThat(SearchMatch.matchedLine(Arrays.asList("python", " machine \n\t learning ", "", null, "c#")))
                .isEqualTo("python, machine learning, c#");
        assertThat(SearchMatch.matchedLine(List.of())).isEmpty();
    }
}
