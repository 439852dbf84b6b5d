package dev.jobalerts.local.bench;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.search.CompanyNames;
import dev.jobalerts.search.Field;
import dev.jobalerts.search.Query;
import dev.jobalerts.search.QueryParseResult;
import dev.jobalerts.search.RemoteMode;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.search.Tokenizer;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TermQuery;

/**
 * The benchmark's comparison: the same saved searches as Lucene queries in a Lucene Monitor (stored queries,
 * term-filtered presearcher, single-threaded matcher). Text is analysed with our own {@link Tokenizer}, so
 * "c++" and "node.js" are single terms on both sides. Every filter is expressed in Lucene: locations as phrases on
 * a location field, remote / company / employment type as keyword terms, salary and date as point ranges
 * ("today" is fixed when the queries are built). So the two engines can be compared on every search.
 */
final class LuceneMonitorMatcher implements Closeable {
    private static final String YES = "y";
    private static final String NONE = "none";
    private static final String[] TEXT_FIELDS = {"title", "company", "description"};

    private final Monitor monitor;

    LuceneMonitorMatcher(List<SavedSearch> searches, LocalDate today) throws IOException {
        monitor = new Monitor(new OurAnalyzer());
        List<MonitorQuery> queries = new ArrayList<>(searches.size());
        for (SavedSearch search : searches) queries.add(new MonitorQuery(search.id(), translate(search, today)));
        monitor.register(queries);
    }

    Set<String> match(Posting posting) {
        try {
            MatchingQueries<QueryMatch> matches = monitor.match(document(posting), QueryMatch.SIMPLE_MATCHER);
            Set<String> ids = new HashSet<>();
            for (QueryMatch match : matches.getMatches()) ids.add(match.getQueryId());
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        monitor.close();
    }

    static Document document(Posting posting) {
        Document doc = new Document();
        doc.add(new TextField("title", posting.title(), org.apache.lucene.document.Field.Store.NO));
        doc.add(new TextField("company", posting.company(), org.apache.lucene.document.Field.Store.NO));
        doc.add(new TextField("description", posting.description(), org.apache.lucene.document.Field.Store.NO));
        doc.add(new TextField("location", posting.location(), org.apache.lucene.document.Field.Store.NO));
        doc.add(keyword("companyname", CompanyNames.normalize(posting.company())));
        if (posting.remote()) doc.add(keyword("remote", YES));
        doc.add(keyword("type", posting.employmentType() == null ? NONE : posting.employmentType()));
        if (posting.datePosted() != null) {
            doc.add(keyword("hasdate", YES));
            doc.add(new LongPoint("date", LocalDate.parse(posting.datePosted()).toEpochDay()));
        }
        if (posting.salary() != null) {
            doc.add(keyword("hassalary", YES));
            doc.add(new DoublePoint("salarytop", posting.salary().annualTop()));
            doc.add(keyword("currency", posting.salary().currency() == null ? NONE : posting.salary().currency()));
        }
        return doc;
    }

    private static StringField keyword(String field, String value) {
        return new StringField(field, value, org.apache.lucene.document.Field.Store.NO);
    }

    static org.apache.lucene.search.Query translate(SavedSearch search, LocalDate today) {
        QueryParseResult parsed = Query.parse(search.query());
        if (!(parsed instanceof QueryParseResult.Parsed ok)) throw new IllegalArgumentException(search.id() + ": " + parsed);
        Lq text = ok.query().accept(new Translator());
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(new MatchAllDocsQuery(), Occur.FILTER);
        if (text != null) all.add(text.query, text.negated ? Occur.MUST_NOT : Occur.MUST);
        if (search.remote() == RemoteMode.ONLY) all.add(term("remote", YES), Occur.FILTER);
        if (search.remote() == RemoteMode.EXCLUDE) all.add(term("remote", YES), Occur.MUST_NOT);
        List<String> places = search.locations().stream().filter(place -> !Tokenizer.words(place).isEmpty()).toList();
        if (!places.isEmpty()) {
            BooleanQuery.Builder where = new BooleanQuery.Builder();
            for (String place : places) where.add(phrase("location", Tokenizer.words(place)), Occur.SHOULD);
            if (search.remote() == RemoteMode.INCLUDE) where.add(term("remote", YES), Occur.SHOULD);
            all.add(where.build(), Occur.FILTER);
        }
        if (!search.companies().isEmpty()) {
            BooleanQuery.Builder companies = new BooleanQuery.Builder();
            for (String company : search.companies()) companies.add(term("companyname", CompanyNames.normalize(company)), Occur.SHOULD);
            all.add(companies.build(), Occur.FILTER);
        }
        for (String company : search.excludeCompanies()) all.add(term("companyname", CompanyNames.normalize(company)), Occur.MUST_NOT);
        if (!search.employmentTypes().isEmpty()) {
            BooleanQuery.Builder types = new BooleanQuery.Builder();
            types.add(term("type", NONE), Occur.SHOULD);
            for (String type : search.employmentTypes()) types.add(term("type", type), Occur.SHOULD);
            all.add(types.build(), Occur.FILTER);
        }
        if (search.minSalary() != null) {
            BooleanQuery.Builder paid = new BooleanQuery.Builder();
            paid.add(DoublePoint.newRangeQuery("salarytop", search.minSalary(), Double.POSITIVE_INFINITY), Occur.FILTER);
            if (search.currency() != null) {
                BooleanQuery.Builder currency = new BooleanQuery.Builder();
                currency.add(term("currency", search.currency()), Occur.SHOULD);
                currency.add(term("currency", NONE), Occur.SHOULD);
                paid.add(currency.build(), Occur.FILTER);
            }
            BooleanQuery.Builder salary = new BooleanQuery.Builder();
            salary.add(lacks("hassalary"), Occur.SHOULD);
            salary.add(paid.build(), Occur.SHOULD);
            all.add(salary.build(), Occur.FILTER);
        }
        if (search.postedWithinDays() != null) {
            BooleanQuery.Builder recent = new BooleanQuery.Builder();
            recent.add(lacks("hasdate"), Occur.SHOULD);
            recent.add(LongPoint.newRangeQuery("date", today.minusDays(search.postedWithinDays()).toEpochDay(), Long.MAX_VALUE), Occur.SHOULD);
            all.add(recent.build(), Occur.FILTER);
        }
        return all.build();
    }

    private static org.apache.lucene.search.Query lacks(String field) {
        return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER).add(term(field, YES), Occur.MUST_NOT).build();
    }

    private static TermQuery term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    private static org.apache.lucene.search.Query phrase(String field, List<String> words) {
        return words.size() == 1 ? term(field, words.get(0)) : new PhraseQuery(field, words.toArray(String[]::new));
    }

    /** A translated node; NOT is carried as a flag so AND can use MUST_NOT directly, as Lucene expects. */
    private record Lq(org.apache.lucene.search.Query query, boolean negated) {
        org.apache.lucene.search.Query positive() {
            if (!negated) return query;
            return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER).add(query, Occur.MUST_NOT).build();
        }
    }

    private static final class Translator implements Query.Visitor<Lq> {
        @Override
        public Lq term(Field field, String word) {
            return inFields(field, name -> LuceneMonitorMatcher.term(name, word));
        }

        @Override
        public Lq prefix(Field field, String prefix) {
            return inFields(field, name -> new PrefixQuery(new Term(name, prefix)));
        }

        @Override
        public Lq phrase(Field field, List<String> words) {
            return inFields(field, name -> LuceneMonitorMatcher.phrase(name, words));
        }

        private static Lq inFields(Field field, java.util.function.Function<String, org.apache.lucene.search.Query> make) {
            return switch (field) {
                case TITLE -> new Lq(make.apply("title"), false);
                case COMPANY -> new Lq(make.apply("company"), false);
                case ANY -> {
                    BooleanQuery.Builder any = new BooleanQuery.Builder();
                    for (String name : TEXT_FIELDS) any.add(make.apply(name), Occur.SHOULD);
                    yield new Lq(any.build(), false);
                }
            };
        }

        @Override
        public Lq and(List<Lq> children) {
            BooleanQuery.Builder and = new BooleanQuery.Builder();
            boolean positive = false;
            for (Lq child : children) {
                and.add(child.query, child.negated ? Occur.MUST_NOT : Occur.MUST);
                positive |= !child.negated;
            }
            if (!positive) and.add(new MatchAllDocsQuery(), Occur.FILTER);
            return new Lq(and.build(), false);
        }

        @Override
        public Lq or(List<Lq> children) {
            BooleanQuery.Builder or = new BooleanQuery.Builder();
            for (Lq child : children) or.add(child.positive(), Occur.SHOULD);
            return new Lq(or.build(), false);
        }

        @Override
        public Lq not(Lq child) {
            return new Lq(child.query, !child.negated);
        }
    }

    /** Lucene analysis that is exactly our tokenizer, so both engines see the same words. */
    static final class OurAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new OurTokenizer());
        }
    }

    private static final class OurTokenizer extends org.apache.lucene.analysis.Tokenizer {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private List<Tokenizer.Word> words;
        private int next;
        private int length;

        @Override
        public boolean incrementToken() throws IOException {
            if (words == null) {
                String text = readAll(input);
                length = text.length();
                words = Tokenizer.wordsWithOffsets(text);
            }
            if (next >= words.size()) return false;
            clearAttributes();
            Tokenizer.Word word = words.get(next++);
            term.setEmpty().append(word.text());
            offset.setOffset(correctOffset(word.start()), correctOffset(word.end()));
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            words = null;
            next = 0;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(correctOffset(length), correctOffset(length));
        }

        private static String readAll(Reader reader) throws IOException {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[4096];
            for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) text.append(buffer, 0, read);
            return text.toString();
        }
    }
}
