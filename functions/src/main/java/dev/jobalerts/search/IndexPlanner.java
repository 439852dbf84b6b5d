package dev.jobalerts.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses the keys a search is filed under. The query and the filters each yield "clauses": sets of keys of which
 * a matching posting must emit at least one (a term gives {term}; AND gives all its children's clauses; OR gives
 * one clause, the union of one clause per branch; NOT gives none, since absence cannot be looked up). The search
 * is filed under the clause with the lowest estimated share of postings, so it is a candidate for few postings.
 * A search with no clause at all (only exclusions, only salary or date filters) goes to the always-checked list,
 * shown as an empty result. This is the presearcher idea of Lucene Monitor, with filters as clauses too.
 */
final class IndexPlanner {
    private IndexPlanner() {}

    /** The keys to file {@code search} under; empty means "check for every posting". */
    static List<IndexKey> keysFor(CompiledSearch search) {
        List<Set<IndexKey>> clauses = new ArrayList<>();
        if (search.query.root() != null) clauses.addAll(clauses(search.query.root()));
        clauses.addAll(filterClauses(search));
        Set<IndexKey> best = null;
        double bestCost = Double.MAX_VALUE;
        for (Set<IndexKey> clause : clauses) {
            double cost = cost(clause);
            if (cost < bestCost) {
                best = clause;
                bestCost = cost;
            }
        }
        return best == null ? List.of() : List.copyOf(best);
    }

    private static List<Set<IndexKey>> clauses(QueryNode node) {
        if (node instanceof QueryNode.Term term)
            return List.of(Set.of(new IndexKey(IndexKey.Kind.term(term.field()), term.word())));
        if (node instanceof QueryNode.Prefix prefix)
            return List.of(Set.of(new IndexKey(IndexKey.Kind.prefix(prefix.field()), prefix.prefix())));
        if (node instanceof QueryNode.Phrase phrase)
            return List.of(Set.of(new IndexKey(IndexKey.Kind.term(phrase.field()), WordFrequency.rarest(phrase.words()))));
        if (node instanceof QueryNode.And and) {
            List<Set<IndexKey>> all = new ArrayList<>();
            for (QueryNode child : and.children()) all.addAll(clauses(child));
            return all;
        }
        if (node instanceof QueryNode.Or or) {
            Set<IndexKey> union = new LinkedHashSet<>();
            for (QueryNode child : or.children()) {
                Set<IndexKey> cheapest = cheapest(clauses(child));
                if (cheapest == null) return List.of();
                union.addAll(cheapest);
            }
            return List.of(union);
        }
        return List.of();
    }

    private static List<Set<IndexKey>> filterClauses(CompiledSearch search) {
        List<Set<IndexKey>> clauses = new ArrayList<>();
        RemoteMode mode = search.search.remote();
        if (mode == RemoteMode.ONLY) clauses.add(Set.of(IndexKey.REMOTE));
        if (!search.locations.isEmpty()) {
            Set<IndexKey> places = new LinkedHashSet<>();
            for (List<String> location : search.locations)
                places.add(new IndexKey(IndexKey.Kind.LOCATION, WordFrequency.rarest(location)));
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

    private static Set<IndexKey> cheapest(List<Set<IndexKey>> clauses) {
        Set<IndexKey> best = null;
        for (Set<IndexKey> clause : clauses) {
            if (best == null || cost(clause) < cost(best)) best = clause;
        }
        return best;
    }

    private static double cost(Set<IndexKey> clause) {
        double sum = 0;
        for (IndexKey key : clause) sum += WordFrequency.of(key);
        return Math.min(1.0, sum);
    }
}
