package dev.jobalerts.search;

/**
 * Something a posting can "emit" that a saved search can be filed under: a word in some field, a prefix of a word,
 * a location word, the whole company name, or the remote flag. A search is filed under keys such that any posting
 * it matches emits at least one of them.
 */
record IndexKey(Kind kind, String text) {

    enum Kind {
        TERM_ANY, TERM_TITLE, TERM_COMPANY,
        PREFIX_ANY, PREFIX_TITLE, PREFIX_COMPANY,
        LOCATION, COMPANY_NAME, REMOTE;

        static Kind term(Field field) {
            return switch (field) {
                case ANY -> TERM_ANY;
                case TITLE -> TERM_TITLE;
                case COMPANY -> TERM_COMPANY;
            };
        }

        static Kind prefix(Field field) {
            return switch (field) {
                case ANY -> PREFIX_ANY;
                case TITLE -> PREFIX_TITLE;
                case COMPANY -> PREFIX_COMPANY;
            };
        }

        boolean isPrefix() {
            return this == PREFIX_ANY || this == PREFIX_TITLE || this == PREFIX_COMPANY;
        }
    }

    static final IndexKey REMOTE = new IndexKey(Kind.REMOTE, "");
}
