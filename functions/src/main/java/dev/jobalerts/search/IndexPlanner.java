package dev.jobalerts.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Chooses the keys a search is filed under. The query and the filters each yield "clauses": sets of keys of which
 * a matching posting must emit at least one (a term gives {term}; a phrase {its rarest word}; AND gives all its
 * children's clauses; OR gives one clause, the union of one clause per branch; NOT gives none, since absence cannot
 * be looked up). The search is filed under the clause with the lowest estimated share of postings, so it is a
 * candidate for few postings. A search with no clause at all (only exclusions, only salary or date filters) is
 * checked for every posting. This is the presearcher idea of Lucene Monitor, with the filters as clauses too.
 */
final class IndexPlanner {
    private IndexPlanner() {}

    /** A second clause is only worth checking when it rules out a fair share of postings. */
    private static final double MAX_SECONDARY_SHARE = 0.6;

    /**
     * Where to file a search: under each key of its cheapest clause ({@code primary}; empty means "check for every
     * posting") and, within those, under each key of its second cheapest clause ({@code secondary}; empty when there
     * is none worth checking). A posting then reaches the search only when it emits a key of both.
     */
    record Plan(List<IndexKey> primary, List<IndexKey> secondary) {
        static final Plan ALWAYS = new Plan(List.of(), List.of());
    }

    static Plan planFor(CompiledSearch search, ToDoubleFunction<IndexKey> share) {
        List<Set<IndexKey>> clauses = new ArrayList<>();
        if (search.query.root() != null) clauses.addAll(clauses(search.query.root(), share));
        clauses.addAll(filterClauses(search, share));
        Set<IndexKey> best = cheapest(clauses, share);
        if (best == null) return Plan.ALWAYS;
        List<Set<IndexKey>> rest = new ArrayList<>(clauses);
        rest.removeIf(best::equals);
        Set<IndexKey> second = cheapest(rest, share);
        boolean useSecond = second != null && cost(second, share) <= MAX_SECONDARY_SHARE;
        return new Plan(List.copyOf(best), useSecond ? List.copyOf(second) : List.of());
    }

    /** Every key {@link #keysFor} could ever choose, whatever the shares: the index keeps statistics for these. */
    static Set<IndexKey> candidateKeys(CompiledSearch search) {
        Set<IndexKey> keys = new LinkedHashSet<>();
        if (search.query.root() != null) collectLeafKeys(search.query.root(), keys);
        for (Set<IndexKey> clause : filterClauses(search, key -> 0)) keys.addAll(clause);
        if (search.search.remote() == RemoteMode.INCLUDE) keys.add(IndexKey.REMOTE);
        for (List<String> location : search.locations) {
            for (String word : location) keys.add(new IndexKey(IndexKey.Kind.LOCATION, word));
        }
        return keys;
    }

    private static void collectLeafKeys(QueryNode node, Set<IndexKey> keys) {
        if (node instanceof QueryNode.Term term) {
            keys.add(new IndexKey(IndexKey.Kind.term(term.field()), term.word()));
        } else if (node instanceof QueryNode.Prefix prefix) {
            keys.add(new IndexKey(IndexKey.Kind.prefix(prefix.field()), prefix.prefix()));
        } else if (node instanceof QueryNode.Phrase phrase) {
            for (String word : phrase.words()) keys.add(new IndexKey(IndexKey.Kind.term(phrase.field()), word));
        } else if (node instanceof QueryNode.And and) {
            for (QueryNode child : and.children()) collectLeafKeys(child, keys);
        } else if (node instanceof QueryNode.Or or) {
            for (QueryNode child : or.children()) collectLeafKeys(child, keys);
        } else if (node instanceof QueryNode.Not not) {
            collectLeafKeys(not.child(), keys);
        }
    }

    private static List<Set<IndexKey>> clauses(QueryNode node, ToDoubleFunction<IndexKey> share) {
        if (node instanceof QueryNode.Term term)
            return List.of(Set.of(new IndexKey(IndexKey.Kind.term(term.field()), term.word())));
        if (node instanceof QueryNode.Prefix prefix)
            return List.of(Set.of(new IndexKey(IndexKey.Kind.prefix(prefix.field()), prefix.prefix())));
        if (node instanceof QueryNode.Phrase phrase) {
            IndexKey.Kind kind = IndexKey.Kind.term(phrase.field());
            return List.of(Set.of(rarest(kind, phrase.words(), share)));
        }
        if (node instanceof QueryNode.And and) {
            List<Set<IndexKey>> all = new ArrayList<>();
            for (QueryNode child : and.children()) all.addAll(clauses(child, share));
            return all;
        }
        if (node instanceof QueryNode.Or or) {
            Set<IndexKey> union = new LinkedHashSet<>();
            for (QueryNode child : or.children()) {
                Set<IndexKey> cheapest = cheapest(clauses(child, share), share);
                if (cheapest == null) return List.of();
                union.addAll(cheapest);
            }
            return List.of(union);
        }
        return List.of();
    }

    private static List<Set<IndexKey>> filterClauses(CompiledSearch search, ToDoubleFunction<IndexKey> share) {
        List<Set<IndexKey>> clauses = new ArrayList<>();
        RemoteMode mode = search.search.remote();
        if (mode == RemoteMode.ONLY) clauses.add(Set.of(IndexKey.REMOTE));
        if (!search.locations.isEmpty()) {
            Set<IndexKey> places = new LinkedHashSet<>();
            for (List<String> location : search.locations) places.add(rarest(IndexKey.Kind.LOCATION, location, share));
            if (mode == RemoteMode.INCLUDE) places.add(IndexKey.REMOTE);
            clauses.add(places);
        }
        if (!search.search.companies().isEmpty()) {
            Set<IndexKey> names = new LinkedHashSet<>();
            for (String company : search.search.companies())
                names.add(new IndexKey(IndexKey.Kind.COMPANY_NAME, CompanyNames.normalize(company)));
            clauses.add(names);
        }
        return clauses;
    }

    /** The word of a phrase or place to look up: the one with the smallest share, the longest on a tie. */
    private static IndexKey rarest(IndexKey.Kind kind, List<String> words, ToDoubleFunction<IndexKey> share) {
        IndexKey best = null;
        double bestShare = Double.MAX_VALUE;
        for (String word : words) {
            IndexKey key = new IndexKey(kind, word);
            double keyShare = share.applyAsDouble(key);
            if (keyShare < bestShare || keyShare == bestShare && word.length() > best.text().length()) {
                best = key;
                bestShare = keyShare;
            }
        }
        return best;
    }

    private static Set<IndexKey> cheapest(List<Set<IndexKey>> clauses, ToDoubleFunction<IndexKey> share) {
        Set<IndexKey> best = null;
        double bestCost = Double.MAX_VALUE;
        for (Set<IndexKey> clause : clauses) {
            double cost = cost(clause, share);
            if (cost < bestCost) {
                best = clause;
                bestCost = cost;
            }
        }
        return best;
    }

    private static double cost(Set<IndexKey> clause, ToDoubleFunction<IndexKey> share) {
        double cost = 0;
        for (IndexKey key : clause) cost += share.applyAsDouble(key);
        return cost;
    }
}
