package dev.jobalerts.adapter;

import dev.jobalerts.extract.PostingDraft;

/**
 * One posting as a listing shows it. {@code detail} is the request that completes it when the listing lacks the
 * description (null when the listing has all of it); such a posting is stored from its detail answer.
 */
public record ListingEntry(PostingDraft draft, ApiRequest detail) {
    public ListingEntry {
        if (draft == null) throw new IllegalArgumentException("draft must not be null");
    }

    public static ListingEntry complete(PostingDraft draft) {
        return new ListingEntry(draft, null);
    }

    public boolean needsDetail() {
        return detail != null;
    }
}
