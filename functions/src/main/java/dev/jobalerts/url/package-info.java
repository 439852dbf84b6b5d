/**
 * URLs: which strings count as http(s) URLs, how a posting's URL becomes its canonical form (and so its id), how
 * links in pages and redirects resolve. One class, {@link dev.jobalerts.url.HttpUrls}, so every package judges a URL
 * the same way.
 */
package dev.jobalerts.url;
