package dev.jobalerts.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index must return exactly what testing every search one by one returns. Random searches and postings over a
 * small vocabulary (so that matches are common) exercise every query feature and filter, and searches are replaced
 * and removed between rounds to exercise incremental updates.
 */
class SearchIndexPropertyTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final String[] WORDS = {
            "java", "javascript", "python", "c", "c++", "c#", ".net", "asp.net", "node.js", "senior", "lead", "data",
            "engineer", "developer", "development", "devops", "remote", "acme", "machine", "learning", "and", "the"};
    private static final String[] PLACES = {"Charlotte, NC", "New York, NY", "Remote", "Berlin", "York", "New Yorker"};
    private static final String[] COMPANIES = {"Acme", "Globex", "Acme Corp", "Initech"};
    private static final String[] TYPES = {"FULL_TIME", "PART_TIME", "CONTRACTOR"};

    @Test
    void match_agreesWithOneByOneEvaluation_onRandomSearchesAndPostings() {
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            // Re-file by learned frequencies after 50 postings and every 100 after: results must not change.
            SearchIndex index = new SearchIndex(50, 100);
            SearchScan scan = new SearchScan();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                String key = "sub" + i % 50 + "/" + i;
                SavedSearch search = randomSearch(random, i);
                index.put(key, search);
                scan.put(key, search);
                keys.add(key);
            }
            int matches = 0;
            for (int round = 0; round < 4; round++) {
                for (int p = 0; p < 80; p++) {
                    Posting posting = randomPosting(random, p);
                    LocalDate firstSeen = random.nextBoolean() ? null : TODAY.minusDays(random.nextInt(30));
                    List<SearchMatch> expected = sorted(scan.match(posting, firstSeen, TODAY));
                    List<SearchMatch> actual = sorted(index.match(posting, firstSeen, TODAY));
                    assertThat(actual).as("seed %d posting %s", seed, posting).isEqualTo(expected);
                    matches += expected.size();
                }
                for (int change = 0; change < 100; change++) {
                    String key = keys.get(random.nextInt(keys.size()));
                    if (random.nextInt(3) == 0) {
                        index.remove(key);
                        scan.remove(key);
                    } else {
                        SavedSearch search = randomSearch(random, change);
                        index.put(key, search);
                        scan.put(key, search);
                    }
                }
                assertThat(index.size()).isEqualTo(scan.size());
            }
            assertThat(matches).as("the generator must produce matches to compare").isGreaterThan(1000);
        }
    }

    private static List<SearchMatch> sorted(List<SearchMatch> matches) {
        return matches.stream().sorted(Comparator.comparing(SearchMatch::key)).toList();
    }

    static SavedSearch randomSearch(Random random, int n) {
        String query = random.nextInt(10) == 0 ? "" : expression(random, 0);
        List<String> locations = random.nextInt(3) == 0 ? pick(random, PLACES, 1 + random.nextInt(2)) : null;
        RemoteMode remote = random.nextInt(2) == 0 ? null : RemoteMode.values()[random.nextInt(4)];
        List<String> companies = random.nextInt(8) == 0 ? pick(random, COMPANIES, 1) : null;
        List<String> exclude = random.nextInt(8) == 0 ? pick(random, COMPANIES, 1) : null;
        Double minSalary = random.nextInt(6) == 0 ? 50_000.0 + random.nextInt(100_000) : null;
        String currency = minSalary != null && random.nextBoolean() ? "USD" : null;
        Integer days = random.nextInt(6) == 0 ? 1 + random.nextInt(20) : null;
        List<String> types = random.nextInt(6) == 0 ? pick(random, TYPES, 1 + random.nextInt(2)) : null;
        return new SavedSearch("s" + n, query, locations, remote, companies, exclude, minSalary, currency, days, types);
    }

    private static String expression(Random random, int depth) {
        int parts = 1 + random.nextInt(3);
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            if (i > 0) query.append(switch (random.nextInt(4)) {
                case 0 -> " OR ";
                case 1 -> " AND ";
                default -> " ";
            });
            int kind = random.nextInt(depth < 2 ? 10 : 8);
            if (random.nextInt(6) == 0) query.append(random.nextBoolean() ? "-" : "NOT ");
            if (random.nextInt(8) == 0) query.append(random.nextBoolean() ? "title:" : "company:");
            query.append(switch (kind) {
                case 0, 1, 2, 3, 4 -> WORDS[random.nextInt(WORDS.length)];
                case 5 -> "\"" + WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + "\"";
                case 6 -> prefix(WORDS[random.nextInt(WORDS.length)]) + "*";
                // Upper case is still a term, except the operator words; "and" is the one word that would become one.
                case 7 -> WORDS[random.nextInt(WORDS.length)].toUpperCase(java.util.Locale.ROOT).replace("AND", "And");
                default -> "(" + expression(random, depth + 1) + ")";
            });
        }
        return query.toString();
    }

    /** The first two to four characters; "c" is too short for a prefix, so it stands for "ja". */
    private static String prefix(String word) {
        return word.length() < 2 ? "ja" : word.substring(0, Math.min(word.length(), 2 + word.length() % 3));
    }

    static Posting randomPosting(Random random, int n) {
        Salary salary = random.nextInt(3) == 0 ? null
                : new Salary(null, 20.0 + random.nextInt(200), random.nextInt(4) == 0 ? "EUR" : "USD",
                        random.nextBoolean() ? "HOUR" : "DAY");
        return new Posting("p" + n, "", text(random, 1 + random.nextInt(4)), COMPANIES[random.nextInt(COMPANIES.length)],
                PLACES[random.nextInt(PLACES.length)], random.nextBoolean(),
                random.nextInt(4) == 0 ? null : TYPES[random.nextInt(TYPES.length)],
                random.nextBoolean() ? null : TODAY.minusDays(random.nextInt(30)).toString(),
                salary, text(random, random.nextInt(30)), "test");
    }

    private static String text(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            text.append(random.nextInt(5) == 0 ? word.toUpperCase(java.util.Locale.ROOT) : word)
                    .append(new String[] {" ", ", ", "/", ". ", " (", ") "}[random.nextInt(6)]);
        }
        return text.length() == 0 ? "x" : text.toString();
    }

    private static List<String> pick(Random random, String[] values, int count) {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) picked.add(values[random.nextInt(values.length)]);
        return picked;
    }
}
