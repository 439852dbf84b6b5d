package dev.jobalerts.subscribe;

import dev.jobalerts.search.SavedSearch;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sign-up with double opt-in, confirmation and unsubscribe. Alerts only ever go to confirmed addresses:
 * a sign-up stores the search unconfirmed and mails a link; following it activates the subscriber.
 */
public final class SubscriptionService {
    public static final int MAX_SEARCHES = 10;
    public static final int MAX_EMAIL_LENGTH = 254;
    /** At most one confirmation email per address in this window, so the form cannot be used to flood an inbox. */
    public static final Duration CONFIRMATION_INTERVAL = Duration.ofMinutes(10);
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubscriberStore store;
    private final TokenService tokens;
    private final ConfirmationSender confirmations;
    private final Clock clock;

    public SubscriptionService(SubscriberStore store, TokenService tokens, ConfirmationSender confirmations, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.confirmations = confirmations;
        this.clock = clock;
    }

    /** Result of a sign-up. Every accepted case looks the same to the caller's client (no address enumeration). */
    public sealed interface SignUp {
        record Accepted(String subscriberId, boolean confirmationSent) implements SignUp {}
        record InvalidEmail(String message) implements SignUp {}
        record TooManySearches(int limit) implements SignUp {}
    }

    /** Result of following a confirmation link. */
    public sealed interface Confirmation {
        record Confirmed(Subscriber subscriber, String manageToken, String unsubscribeToken) implements Confirmation {}
        record Expired() implements Confirmation {}
        /**
         * A genuine link with nothing left to confirm: already followed, or the address has since unsubscribed or
         * been suppressed (an old confirmation link must never re-activate it; a fresh sign-up mails a new one).
         */
        record AlreadyUsed(Subscriber subscriber) implements Confirmation {}
        record Invalid() implements Confirmation {}
    }

    /** Result of presenting a manage (or unsubscribe) token. */
    public sealed interface Access {
        record Granted(Subscriber subscriber) implements Access {}
        record Expired() implements Access {}
        record Invalid() implements Access {}
    }

    /** Result of an unsubscribe request. */
    public sealed interface Unsubscribe {
        record Done(Subscriber subscriber) implements Unsubscribe {}
        record Invalid() implements Unsubscribe {}
    }

    public static boolean isValidEmail(String email) {
        return email != null && email.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(email.strip()).matches();
    }

    /**
     * @param linkBase the public base URL of the API (e.g. {@code https://abc.execute-api.us-east-1.amazonaws.com}); the
     *                 API learns it from the request, because a Lambda cannot be told its own API's URL without a cycle
     */
    public SignUp signUp(String email, SavedSearch requested, Frequency frequency, String linkBase) {
        if (!isValidEmail(email)) return new SignUp.InvalidEmail("email must be a valid address of at most " + MAX_EMAIL_LENGTH + " characters");
        Instant now = Instant.now(clock);
        String normalised = SubscriberStore.normalise(email);
        String subscriberId = SubscriberStore.subscriberIdFor(normalised);
        Optional<Subscriber> found = store.find(subscriberId);
        Optional<Subscriber> existing = found
                .filter(s -> s.status() == SubscriberStatus.ACTIVE || s.status() == SubscriberStatus.PAUSED || s.status() == SubscriberStatus.PENDING);
        if (found.isPresent() && existing.isEmpty()) {
            // An unsubscribed or suppressed address starts afresh: its old searches go (tombstoned for the matchers)
            // and it gets a new nonce below, so none of its old links work again.
            store.delete(subscriberId, now);
        }
        List<SubscriberSearch> searches = existing.isPresent() ? store.searchesOf(subscriberId) : List.of();
        // Anyone can post a sign-up for any address, so a sign-up may add a search but never overwrite (and so
        // un-confirm) one the owner already confirmed: a clashing id gets a fresh one instead.
        boolean clashes = searches.stream().anyMatch(s -> s.confirmed() && s.search().id().equals(requested.id()));
        SavedSearch search = clashes ? withId(requested, newSearchId()) : requested;
        String id = search.id();
        boolean replacesSameId = searches.stream().anyMatch(s -> s.search().id().equals(id));
        if (!replacesSameId && searches.size() >= MAX_SEARCHES) return new SignUp.TooManySearches(MAX_SEARCHES);

        Subscriber subscriber = existing
                .orElseGet(() -> new Subscriber(subscriberId, normalised, SubscriberStatus.PENDING, frequency, "UTC", newNonce(), now, null));
        if (subscriber.status() == SubscriberStatus.PENDING) {
            subscriber = withFrequency(subscriber, frequency);
        }
        boolean mayMail = subscriber.confirmationSentAt() == null
                || !subscriber.confirmationSentAt().plus(CONFIRMATION_INTERVAL).isAfter(now);
        store.saveSearch(new SubscriberSearch(subscriberId, search, false, false, false, subscriber.status(), subscriber.frequency(), now.toEpochMilli()));
        boolean sent = false;
        if (mayMail) {
            String token = tokens.issue(TokenService.Purpose.CONFIRM, subscriber);
            sent = confirmations.send(subscriber, search, TokenService.link(linkBase, "/subscriptions/confirm", token));
            if (sent) subscriber = withConfirmationSentAt(subscriber, now);
        }
        store.saveProfile(subscriber, now);
        return new SignUp.Accepted(subscriberId, sent);
    }

    public Confirmation confirm(String token) {
        Optional<Subscriber> found = TokenService.claimedSubscriber(token).flatMap(store::find);
        if (found.isEmpty()) return new Confirmation.Invalid();
        Subscriber subscriber = found.get();
        switch (tokens.check(token, TokenService.Purpose.CONFIRM, subscriber)) {
            case EXPIRED -> { return new Confirmation.Expired(); }
            case INVALID -> { return new Confirmation.Invalid(); }
            case VALID -> { }
        }
        // Tokens are stateless, so "reused" is read from the data: nothing pending means the link was spent.
        boolean unsubscribed = subscriber.status() == SubscriberStatus.UNSUBSCRIBED || subscriber.status() == SubscriberStatus.SUPPRESSED;
        boolean nothingPending = subscriber.status() != SubscriberStatus.PENDING
                && store.searchesOf(subscriber.subscriberId()).stream().allMatch(SubscriberSearch::confirmed);
        if (unsubscribed || nothingPending) return new Confirmation.AlreadyUsed(subscriber);
        Instant now = Instant.now(clock);
        SubscriberStatus status = subscriber.status() == SubscriberStatus.PAUSED ? SubscriberStatus.PAUSED : SubscriberStatus.ACTIVE;
        Subscriber active = withStatus(subscriber, status);
        store.saveProfile(active, now);
        for (SubscriberSearch search : store.searchesOf(subscriber.subscriberId())) {
            store.saveSearch(new SubscriberSearch(search.subscriberId(), search.search(), search.paused(), true, false,
                    status, active.frequency(), now.toEpochMilli()));
        }
        return new Confirmation.Confirmed(active, tokens.issue(TokenService.Purpose.MANAGE, active),
                tokens.issue(TokenService.Purpose.UNSUBSCRIBE, active));
    }

    /**
     * Checks a token that grants access to one subscriber's settings. Manage links accept only manage tokens;
     * the unsubscribe page also accepts unsubscribe tokens (both are in every alert email).
     */
    public Access access(String token, TokenService.Purpose... accepted) {
        Optional<Subscriber> found = TokenService.claimedSubscriber(token).flatMap(store::find);
        if (found.isEmpty()) return new Access.Invalid();
        boolean expired = false;
        for (TokenService.Purpose purpose : accepted) {
            switch (tokens.check(token, purpose, found.get())) {
                case VALID -> { return new Access.Granted(found.get()); }
                case EXPIRED -> expired = true;
                case INVALID -> { }
            }
        }
        return expired ? new Access.Expired() : new Access.Invalid();
    }

    /** Unsubscribes the holder of an unsubscribe or manage token; idempotent. */
    public Unsubscribe unsubscribe(String token) {
        Optional<Subscriber> found = TokenService.claimedSubscriber(token).flatMap(store::find);
        if (found.isEmpty()) return new Unsubscribe.Invalid();
        Subscriber subscriber = found.get();
        boolean valid = tokens.check(token, TokenService.Purpose.UNSUBSCRIBE, subscriber) == TokenService.Check.VALID
                || tokens.check(token, TokenService.Purpose.MANAGE, subscriber) == TokenService.Check.VALID;
        if (!valid) return new Unsubscribe.Invalid();
        if (subscriber.status() == SubscriberStatus.UNSUBSCRIBED) return new Unsubscribe.Done(subscriber);
        return new Unsubscribe.Done(changeStatus(subscriber, SubscriberStatus.UNSUBSCRIBED));
    }

    /** Sets a subscriber's status and copies it onto their searches so every matcher index follows. */
    public Subscriber changeStatus(Subscriber subscriber, SubscriberStatus status) {
        Instant now = Instant.now(clock);
        Subscriber changed = withStatus(subscriber, status);
        store.saveProfile(changed, now);
        for (SubscriberSearch search : store.searchesOf(subscriber.subscriberId())) {
            store.saveSearch(new SubscriberSearch(search.subscriberId(), search.search(), search.paused(), search.confirmed(), false,
                    status, changed.frequency(), now.toEpochMilli()));
        }
        return changed;
    }

    /** Suppresses an address after a hard bounce or complaint; unknown addresses are ignored. */
    public boolean suppress(String email) {
        return store.findByEmail(email).map(subscriber -> changeStatus(subscriber, SubscriberStatus.SUPPRESSED)).isPresent();
    }

    public String manageToken(Subscriber subscriber) {
        return tokens.issue(TokenService.Purpose.MANAGE, subscriber);
    }

    public String unsubscribeToken(Subscriber subscriber) {
        return tokens.issue(TokenService.Purpose.UNSUBSCRIBE, subscriber);
    }

    /** A random id for a saved search the client did not name; unguessable so nobody can address another's search. */
    public static String newSearchId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static SavedSearch withId(SavedSearch s, String id) {
        return new SavedSearch(id, s.query(), s.locations(), s.remote(), s.companies(), s.excludeCompanies(), s.minSalary(),
                s.currency(), s.postedWithinDays(), s.employmentTypes());
    }

    static String newNonce() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Subscriber withStatus(Subscriber s, SubscriberStatus status) {
        return new Subscriber(s.subscriberId(), s.email(), status, s.frequency(), s.timeZone(), s.nonce(), s.createdAt(), s.confirmationSentAt());
    }

    private static Subscriber withFrequency(Subscriber s, Frequency frequency) {
        return new Subscriber(s.subscriberId(), s.email(), s.status(), frequency, s.timeZone(), s.nonce(), s.createdAt(), s.confirmationSentAt());
    }

    private static Subscriber withConfirmationSentAt(Subscriber s, Instant at) {
        return new Subscriber(s.subscriberId(), s.email(), s.status(), s.frequency(), s.timeZone(), s.nonce(), s.createdAt(), at);
    }
}
