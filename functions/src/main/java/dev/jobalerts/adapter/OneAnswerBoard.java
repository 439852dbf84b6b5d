package dev.jobalerts.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobalerts.extract.Extraction;
import dev.jobalerts.extract.PageContent;
import java.net.URI;
import java.util.Map;

/**
 * A board whose whole listing is one GET of a JSON answer holding every posting with its description (Greenhouse,
 * Lever, Ashby, Recruitee, Workable, Remotive, Remote OK, Working Nomads). What they share lives here: the request,
 * the conditional fetch, and refusing an answer that is not JSON; each board says only how its answer holds jobs.
 */
interface OneAnswerBoard extends Board {
    /** The API URL whose one answer is the listing. */
    URI api();

    /** Reads an answer that parsed as JSON: its postings, or {@link ListingPage#unreadable} when its jobs are missing. */
    ListingPage readAnswer(JsonNode root, Extraction ctx);

    @Override
    default ApiRequest firstPage(Map<String, String> credentials) {
        return ApiRequest.getJson(api());
    }

    /** One GET holds every posting, so an unchanged answer means an unchanged listing. */
    @Override
    default boolean conditional() {
        return true;
    }

    @Override
    default ListingPage readListing(ApiRequest request, PageContent response, Extraction ctx) {
        JsonAnswer answer = JsonAnswer.read(response, kind().label());
        return answer.readable() ? readAnswer(answer.root(), ctx) : ListingPage.unreadable(answer.problem());
    }
}
