package dev.jobalerts.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.subscribe.Frequency;
import dev.jobalerts.subscribe.SubscriberIds;
import dev.jobalerts.subscribe.SubscriptionService;
import dev.jobalerts.subscribe.SubscriptionService.Confirmation;
import dev.jobalerts.subscribe.SubscriptionService.SignUp;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GET / (the form), POST /subscriptions (JSON or form post) and GET /subscriptions/confirm. */
final class SignUpRoutes {
    private static final Set<String> JSON_FIELDS = Set.of("email", "search", "frequency");
    /** The sign-up form's fields; its Preview button posts them too. */
    static final Set<String> FORM_FIELDS;

    static {
        Set<String> fields = new HashSet<>(SearchInput.FORM_FIELDS);
        fields.add("email");
        fields.add("frequency");
        FORM_FIELDS = Set.copyOf(fields);
    }

    /** A sign-up as read from the request, before it reaches the service. */
    record Input(String email, SavedSearch search, Frequency frequency) {}

    private final SubscriptionService subscriptions;
    private final Pages pages;
    private final TokenBuckets perAddress;

    SignUpRoutes(SubscriptionService subscriptions, Pages pages, TokenBuckets perAddress) {
        this.subscriptions = subscriptions;
        this.pages = pages;
        this.perAddress = perAddress;
    }

    HttpResponse page(PublicLinks links) {
        return HttpResponse.html(200, pages.signUp(links, Map.of(), null, null));
    }

    HttpResponse subscribe(HttpRequest request, PublicLinks links) {
        boolean form = request.isForm();
        Outcome<Map<String, String>> fields = form ? Bodies.form(request, FORM_FIELDS) : Outcome.ok(Map.of());
        Outcome<Input> input = form ? (fields.failed() ? fields.forward() : fromForm(fields.value())) : fromJson(request);
        if (input.failed()) {
            if (!form || fields.failed()) return HttpResponse.error(input.error());
            return HttpResponse.html(input.error().status(), pages.signUp(links, fields.value(), input.error(), null));
        }
        Input in = input.value();
        if (!perAddress.tryTake(SubscriberIds.normalise(in.email())))
            return Api.tooManyRequests(perAddress);
        SignUp result = subscriptions.signUp(in.email(), in.search(), in.frequency(), links.to(""));
        if (result instanceof SignUp.InvalidEmail invalid) {
            ApiError error = ApiError.badRequest("invalid_email", invalid.message(), "email");
            return form ? HttpResponse.html(400, pages.signUp(links, fields.value(), error, null)) : HttpResponse.error(error);
        }
        // Every accepted sign-up answers alike: a different answer would tell anyone that the address is subscribed.
        Api.log("sign-up accepted", Map.of("subscriberId", ((SignUp.Accepted) result).subscriberId()));
        if (form) return HttpResponse.html(202, pages.message(links, "Check your inbox",
                List.of("Almost done: we sent you an email. Follow the link in it to confirm your alert.",
                        "No email within a few minutes? Look in your spam folder, or submit the form again in ten minutes."),
                links.to("/"), "Back to the start page"));
        return HttpResponse.json(202, Map.of("status", "pending"));
    }

    HttpResponse confirm(HttpRequest request, PublicLinks links) {
        String token = request.token();
        if (token == null || token.isBlank())
            return Api.errorPage(pages, links, ApiError.missingToken());
        Confirmation result = subscriptions.confirm(token);
        if (result instanceof Confirmation.Confirmed confirmed) {
            Api.log("search confirmed", Map.of("subscriberId", confirmed.subscriber().subscriberId()));
            return HttpResponse.html(200, pages.message(links, "Your job alert is confirmed",
                    List.of("We will email " + confirmed.subscriber().email() + " when a matching job is posted.",
                            "Keep this link to change your searches, the frequency, or to stop alerts."),
                    links.to("/manage", confirmed.manageToken()), "Manage your alerts"));
        }
        if (result instanceof Confirmation.AlreadyUsed) {
            // A spent link hands out nothing: a forwarded or leaked confirmation email must not open the manage page.
            return HttpResponse.html(200, pages.message(links, "Already confirmed",
                    List.of("This link was already used, so there is nothing left to confirm.",
                            "To change your alerts, use the manage link at the bottom of any alert email."),
                    links.to("/"), "Back to the start page"));
        }
        if (result instanceof Confirmation.TooManySearches full)
            return HttpResponse.html(409, pages.message(links, "You already have " + full.limit() + " searches",
                    List.of("Delete one on your manage page (the link is at the bottom of every alert email), then follow this link again.",
                            "This link keeps working until it expires, 48 hours after you signed up."),
                    links.to("/"), "Back to the start page"));
        if (result instanceof Confirmation.Expired)
            return HttpResponse.html(410, pages.message(links, "This link has expired",
                    List.of("Confirmation links work for 48 hours. Sign up again with the same address and we will send a new one."),
                    links.to("/"), "Sign up again"));
        return Api.errorPage(pages, links, ApiError.unknownToken());
    }

    private static Outcome<Input> fromJson(HttpRequest request) {
        Outcome<ObjectNode> body = Bodies.jsonObject(request, JSON_FIELDS);
        if (body.failed()) return body.forward();
        JsonNode email = body.value().get("email");
        if (email == null || email.isNull())
            return Outcome.failed(ApiError.badRequest("invalid_email", "email is required", "email"));
        if (!email.isTextual())
            return Outcome.failed(ApiError.badRequest("invalid_email", "email must be a string", "email"));
        JsonNode frequency = body.value().get("frequency");
        if (frequency != null && !frequency.isNull() && !frequency.isTextual())
            return Outcome.failed(ApiError.badRequest("invalid_field", "frequency must be one of instant, daily, weekly", "frequency"));
        return input(email.asText(), SearchInput.fromJson(body.value().get("search"), "search.", null),
                frequency == null || frequency.isNull() ? null : frequency.asText());
    }

    private static Outcome<Input> fromForm(Map<String, String> fields) {
        return input(fields.getOrDefault("email", ""), SearchInput.fromForm(fields, "search.", null), fields.get("frequency"));
    }

    private static Outcome<Input> input(String email, Outcome<SavedSearch> search, String frequency) {
        String address = email.strip();
        if (address.isEmpty())
            return Outcome.failed(ApiError.badRequest("invalid_email", "email is required", "email"));
        if (address.length() > SubscriptionService.MAX_EMAIL_LENGTH)
            return Outcome.failed(ApiError.badRequest("invalid_email",
                    "email must be at most " + SubscriptionService.MAX_EMAIL_LENGTH + " characters", "email"));
        if (!SubscriptionService.isValidEmail(address))
            return Outcome.failed(ApiError.badRequest("invalid_email", "email must be an address such as ana@example.com", "email"));
        if (search.failed()) return search.forward();
        Frequency parsed;
        try {
            parsed = Frequency.fromWire(frequency);
        } catch (IllegalArgumentException e) {
            return Outcome.failed(ApiError.badRequest("invalid_field", "frequency must be one of instant, daily, weekly", "frequency"));
        }
        return Outcome.ok(new Input(address, search.value(), parsed));
    }
}
