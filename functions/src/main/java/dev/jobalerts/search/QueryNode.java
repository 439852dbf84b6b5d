package dev.jobalerts.search;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The parsed form of a query. Each node evaluates itself against a posting's words, tokenised once per posting
 * ({@link PostingWords}), and can list the words that made it true for the "matched:" line of an alert.
 */
sealed interface QueryNode {

    boolean test(PostingWords text);

    /**
     * Adds to {@code out} the labels of the positive leaves that make this node true. Call it only when
     * {@link #test} is true, so an OR branch that failed never contributes a word.
     */
    void explain(PostingWords text, List<String> out);

    <R> R accept(Query.Visitor<R> visitor);

    record Term(Field field, String word) implements QueryNode {
        @Override
        public <R> R accept(Query.Visitor<R> visitor) {
            return visitor.term(field, word);
        }

        @Override
        public boolean test(PostingWords text) {
            return text.has(word, field.mask);
        }

        @Override
        public void explain(PostingWords text, List<String> out) {
            out.add(word);
        }

        @Override
        public String toString() {
            return field.prefix + word;
        }
    }

    /** {@code develop*}: any word starting with {@code prefix} (the prefix itself included). */
    record Prefix(Field field, String prefix) implements QueryNode {
        @Override
        public <R> R accept(Query.Visitor<R> visitor) {
            return visitor.prefix(field, prefix);
        }

        @Override
        public boolean test(PostingWords text) {
            return text.hasPrefix(prefix, field.mask);
        }

        @Override
        public void explain(PostingWords text, List<String> out) {
            // The alert names the words the reader will find in the posting ("developer"), not the pattern.
            out.addAll(text.wordsWithPrefix(prefix, field.mask));
        }

        @Override
        public String toString() {
            return field.prefix + prefix + "*";
        }
    }

    /** Consecutive words within one field. */
    record Phrase(Field field, List<String> words) implements QueryNode {
        @Override
        public <R> R accept(Query.Visitor<R> visitor) {
            return visitor.phrase(field, words);
        }

        public Phrase {
            words = List.copyOf(words);
        }

        @Override
        public boolean test(PostingWords text) {
            return text.hasPhrase(words, field.mask);
        }

        @Override
        public void explain(PostingWords text, List<String> out) {
            out.add(String.join(" ", words));
        }

        @Override
        public String toString() {
            return field.prefix + "\"" + String.join(" ", words) + "\"";
        }
    }

    record And(List<QueryNode> children) implements QueryNode {
        @Override
        public <R> R accept(Query.Visitor<R> visitor) {
            return visitor.and(children.stream().map(child -> child.accept(visitor)).toList());
        }

        public And {
            children = List.copyOf(children);
        }

        @Override
        public boolean test(PostingWords text) {
            for (int i = 0; i < children.size(); i++) {
                if (!children.get(i).test(text)) return false;
            }
            return true;
        }

        @Override
        public void explain(PostingWords text, List<String> out) {
            for (QueryNode child : children) child.explain(text, out);
        }

        @Override
        public String toString() {
            return children.stream().map(Object::toString).collect(Collectors.joining(" ", "AND(", ")"));
        }
    }

    record Or(List<QueryNode> children) implements QueryNode {
        @Override
        public <R> R accept(Query.Visitor<R> visitor) {
            return visitor.or(children.stream().map(child -> child.accept(visitor)).toList());
        }

        public Or {
            children = List.copyOf(children);
        }

        @Override
        public boolean test(PostingWords text) {
            for (int i = 0; i < children.size(); i++) {
                if (children.get(i).test(text)) return true;
            }
            return false;
        }

        @Override
        public void explain(PostingWords text, List<String> out) {
            for (QueryNode child : children) {
                if (child.test(text)) child.explain(text, out);
            }
        }

        @Override
        public String toString() {
            return children.stream().map(Object::toString).collect(Collectors.joining(" ", "OR(", ")"));
        }
    }

    record Not(QueryNode child) implements QueryNode {
        @Override
        public <R> R accept(Query.Visitor<R> visitor) {
            return visitor.not(child.accept(visitor));
        }

        @Override
        public boolean test(PostingWords text) {
            return !child.test(text);
        }

        @Override
        public void explain(PostingWords text, List<String> out) {
            // An excluded word that is absent is not something the posting "matched".
        }

        @Override
        public String toString() {
            return "NOT(" + child + ")";
        }
    }
}
