package dev.jobalerts.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive-descent parser for {@link Query}:
 * <pre>
 * query   := or EOF
 * or      := and ("OR" and)*
 * and     := unary (["AND"] unary)*          -- AND is implied between neighbours
 * unary   := ("NOT" | "-") unary | primary
 * primary := field primary | "(" or ")" | phrase | term | prefix
 * </pre>
 * Errors are thrown inside as {@link Failure} and returned as {@link QueryParseResult.Invalid}.
 */
final class QueryParser {

    private enum Kind { LPAREN, RPAREN, AND, OR, NOT, MINUS, FIELD, TERM, PHRASE, PREFIX, EOF }

    private record Token(Kind kind, int position, List<String> words, Field field) {
        static Token of(Kind kind, int position) {
            return new Token(kind, position, List.of(), null);
        }

        String describe() {
            return switch (kind) {
                case AND, OR, NOT -> kind.name();
                case MINUS -> "'-'";
                case FIELD -> field.prefix;
                case LPAREN -> "'('";
                case RPAREN -> "')'";
                default -> "term";
            };
        }

        boolean startsUnary() {
            return switch (kind) {
                case NOT, MINUS, FIELD, LPAREN, TERM, PHRASE, PREFIX -> true;
                default -> false;
            };
        }
    }

    private static final class Failure extends RuntimeException {
        final int position;

        Failure(int position, String problem) {
            super(problem + " at position " + position, null, false, false);
            this.position = position;
        }
    }

    private final List<Token> tokens;
    private int next;
    private int terms;

    private QueryParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static QueryParseResult parse(String text) {
        if (text.length() > Query.MAX_LENGTH)
            return new QueryParseResult.Invalid(Query.MAX_LENGTH,
                    "query is longer than " + Query.MAX_LENGTH + " characters at position " + Query.MAX_LENGTH);
        try {
            QueryParser parser = new QueryParser(lex(text));
            QueryNode root = parser.parseQuery();
            return new QueryParseResult.Parsed(new Query(text.strip(), root));
        } catch (Failure failure) {
            return new QueryParseResult.Invalid(failure.position, failure.getMessage());
        }
    }

    // ---- parser

    private QueryNode parseQuery() {
        if (peek().kind == Kind.EOF) return null;
        QueryNode root = or(Field.ANY);
        Token extra = peek();
        if (extra.kind == Kind.RPAREN) throw new Failure(extra.position, "unexpected ')' without a matching '('");
        if (extra.kind != Kind.EOF) throw new Failure(extra.position, "unexpected " + extra.describe());
        return root;
    }

    private QueryNode or(Field field) {
        List<QueryNode> children = new ArrayList<>();
        children.add(and(field));
        while (peek().kind == Kind.OR) {
            Token or = take();
            requireOperand(or, "after it");
            children.add(and(field));
        }
        return children.size() == 1 ? children.get(0) : new QueryNode.Or(flatten(children, QueryNode.Or.class));
    }

    private QueryNode and(Field field) {
        List<QueryNode> children = new ArrayList<>();
        children.add(unary(field));
        while (true) {
            if (peek().kind == Kind.AND) {
                Token and = take();
                requireOperand(and, "after it");
            } else if (!peek().startsUnary()) {
                break;
            }
            children.add(unary(field));
        }
        return children.size() == 1 ? children.get(0) : new QueryNode.And(flatten(children, QueryNode.And.class));
    }

    private QueryNode unary(Field field) {
        Token token = peek();
        if (token.kind == Kind.NOT || token.kind == Kind.MINUS) {
            take();
            requireOperand(token, "after it");
            return new QueryNode.Not(unary(field));
        }
        if (token.kind == Kind.AND || token.kind == Kind.OR)
            throw new Failure(token.position, token.kind + " needs a term before it");
        return primary(field);
    }

    private QueryNode primary(Field field) {
        Token token = take();
        switch (token.kind) {
            case FIELD -> {
                Kind following = peek().kind;
                if (following != Kind.TERM && following != Kind.PHRASE && following != Kind.PREFIX && following != Kind.LPAREN)
                    throw new Failure(token.position, token.field.prefix + " needs a term, phrase or group after it");
                // The innermost restriction wins, as in Lucene: title:(a company:b) restricts b to the company.
                return primary(token.field);
            }
            case LPAREN -> {
                if (peek().kind == Kind.RPAREN) throw new Failure(token.position, "empty parentheses");
                if (peek().kind == Kind.EOF) throw new Failure(token.position, "unclosed parenthesis");
                QueryNode inner = or(field);
                if (peek().kind != Kind.RPAREN) throw new Failure(token.position, "unclosed parenthesis");
                take();
                return inner;
            }
            case TERM -> {
                countTerm(token);
                return new QueryNode.Term(field, token.words.get(0));
            }
            case PHRASE -> {
                countTerm(token);
                return new QueryNode.Phrase(field, token.words);
            }
            case PREFIX -> {
                countTerm(token);
                return new QueryNode.Prefix(field, token.words.get(0));
            }
            case RPAREN -> throw new Failure(token.position, "unexpected ')' without a matching '('");
            case EOF -> throw new Failure(token.position, "query ends where a term was expected");
            default -> throw new Failure(token.position, "unexpected " + token.describe());
        }
    }

    private void requireOperand(Token operator, String where) {
        if (!peek().startsUnary()) throw new Failure(operator.position, operator.describe() + " needs a term " + where);
    }

    private void countTerm(Token token) {
        if (++terms > Query.MAX_TERMS)
            throw new Failure(token.position, "too many terms (at most " + Query.MAX_TERMS + ")");
    }

    private static List<QueryNode> flatten(List<QueryNode> children, Class<? extends QueryNode> kind) {
        List<QueryNode> flat = new ArrayList<>();
        for (QueryNode child : children) {
            if (child instanceof QueryNode.And and && kind == QueryNode.And.class) flat.addAll(and.children());
            else if (child instanceof QueryNode.Or or && kind == QueryNode.Or.class) flat.addAll(or.children());
            else flat.add(child);
        }
        return flat;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind != Kind.EOF) next++;
        return token;
    }

    // ---- lexer

    private static List<Token> lex(String text) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(Token.of(Kind.LPAREN, i++));
            } else if (c == ')') {
                tokens.add(Token.of(Kind.RPAREN, i++));
            } else if (c == '"') {
                i = lexPhrase(text, i, tokens);
            } else if (c == '-' && i + 1 < n && startsOperand(text.charAt(i + 1))) {
                // A leading '-' excludes; inside a chunk ("full-time") it is an ordinary separator.
                tokens.add(Token.of(Kind.MINUS, i++));
            } else {
                i = lexChunk(text, i, tokens);
            }
        }
        tokens.add(Token.of(Kind.EOF, n));
        return tokens;
    }

    private static boolean startsOperand(char c) {
        return !Character.isWhitespace(c) && c != ')' && c != '-';
    }

    private static int lexPhrase(String text, int open, List<Token> tokens) {
        int close = text.indexOf('"', open + 1);
        if (close < 0) throw new Failure(open, "unclosed quote");
        List<String> words = Tokenizer.words(text.substring(open + 1, close));
        if (words.isEmpty()) throw new Failure(open, "empty phrase");
        tokens.add(new Token(words.size() == 1 ? Kind.TERM : Kind.PHRASE, open, words, null));
        return close + 1;
    }

    /** A run of text up to whitespace, a parenthesis or a quote: an operator, a field prefix, or words. */
    private static int lexChunk(String text, int start, List<Token> tokens) {
        int end = start;
        while (end < text.length() && !isChunkEnd(text.charAt(end))) end++;
        String chunk = text.substring(start, end);
        switch (chunk) {
            case "AND" -> tokens.add(Token.of(Kind.AND, start));
            case "OR" -> tokens.add(Token.of(Kind.OR, start));
            case "NOT" -> tokens.add(Token.of(Kind.NOT, start));
            default -> {
                int colon = fieldColon(chunk);
                if (colon > 0) {
                    String name = chunk.substring(0, colon).toLowerCase(Locale.ROOT);
                    Field field = switch (name) {
                        case "title" -> Field.TITLE;
                        case "company" -> Field.COMPANY;
                        default -> throw new Failure(start, "unknown field '" + chunk.substring(0, colon + 1)
                                + "' (only title: and company: restrict a term; locations, salary and the like are filters)");
                    };
                    tokens.add(new Token(Kind.FIELD, start, List.of(), field));
                    return start + colon + 1;
                }
                lexWords(chunk, start, tokens);
            }
        }
        return end;
    }

    private static boolean isChunkEnd(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == '"';
    }

    /** Index of the ':' in {@code title:...}, or -1 when the chunk does not start with letters and a colon. */
    private static int fieldColon(String chunk) {
        int i = 0;
        while (i < chunk.length() && Character.isLetter(chunk.charAt(i))) i++;
        return i > 0 && i < chunk.length() && chunk.charAt(i) == ':' ? i : -1;
    }

    private static void lexWords(String chunk, int start, List<Token> tokens) {
        int star = chunk.indexOf('*');
        if (star >= 0) {
            if (star != chunk.length() - 1) throw new Failure(start + star, "'*' is only allowed at the end of a term");
            List<String> words = Tokenizer.words(chunk.substring(0, star));
            if (words.isEmpty()) throw new Failure(start + star, "'*' needs a word before it");
            if (words.size() > 1) throw new Failure(start, "a prefix term (ending in '*') must be a single word");
            if (words.get(0).length() < 2) throw new Failure(start, "a prefix term needs at least 2 characters before '*'");
            tokens.add(new Token(Kind.PREFIX, start, words, null));
            return;
        }
        List<String> words = Tokenizer.words(chunk);
        // Punctuation on its own ("&", "/") has no words, just as it has none in posting text.
        if (words.isEmpty()) return;
        // "full-time" or "C++/Java" are several words written together: they must appear together.
        tokens.add(new Token(words.size() == 1 ? Kind.TERM : Kind.PHRASE, start, words, null));
    }
}
