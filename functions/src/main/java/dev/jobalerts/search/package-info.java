/**
 * Saved searches and the matcher.
 *
 * <ul>
 *   <li>{@link dev.jobalerts.search.Query#parse} turns a query into a tree or a
 *       {@link dev.jobalerts.search.QueryParseResult.Invalid} naming the position and the problem. Words come from
 *       {@link dev.jobalerts.search.Tokenizer}, the same for queries, posting text and locations.</li>
 *   <li>{@link dev.jobalerts.search.SearchIndex} holds every active search compiled once, files each under its
 *       rarest required keys and verifies only the candidates a posting's words reach.
 *       {@link dev.jobalerts.search.SearchScan} and {@link dev.jobalerts.search.SearchEvaluator} test one search at
 *       a time with the same code; the property test holds the index to them.</li>
 *   <li>Each {@link dev.jobalerts.search.SearchMatch} carries the query words found, for the alert's "matched:"
 *       line.</li>
 * </ul>
 */
package dev.jobalerts.search;
