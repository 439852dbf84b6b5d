package dev.jobalerts.subscribe;

import dev.jobalerts.search.SavedSearch;
import dev.jobalerts.coldstart.Entropy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sign-up with double opt-in, confirmation and unsubscribe. Alerts only ever go to confirmed addresses.
 *
 * <p>Anyone can post a sign-up for any address, so a sign-up creates nothing its owner sees: it stores one
 * {@link PendingSearch} and returns. Its confirmation email is sent off the request path ({@link PendingConfirmations},
 * fed by the Subscribers stream), which also keeps at most {@link #MAX_PENDING} pending searches per address (the
 * oldest go); only following that email's link makes the search one of the owner's. A sign-up does the same work for
 * every address — one write, no read — so neither its answer nor its time tells whether the address is known.
 */
public final class SubscriptionService {
    public static final int MAX_SEARCHES = 10;
    public static final int MAX_EMAIL_LENGTH = 254;
    /** Searches an address may have waiting for confirmation; beyond, the oldest go. */
    public static final int MAX_PENDING = 3;
    /** A pending search lives as long as its confirmation link. */
    public static final Duration PENDING_TTL = TokenService.CONFIRM_TTL;
    /**
     * Addresses SES would take: a dot-atom local part (no leading, trailing or doubled dot, RFC 5322 §3.2.3) and a
     * domain of letter-digit-hyphen labels with at least one dot (RFC 5321 §4.1.2).
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private final SubscriberStore store;
    private final TokenService tokens;
    private final SubscriberIds ids;
    private final Clock clock;

    public SubscriptionService(SubscriberStore store, TokenService tokens, SubscriberIds ids, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
    }

    /** Result of a sign-up. Every accepted case looks the same to the caller's client (no address enumeration). */
    public sealed interface SignUp {
        record Accepted(String subscriberId) implements SignUp {}
        record InvalidEmail(String message) implements SignUp {}
    }

    /** Result of following a confirmation link. */
    public sealed interface Confirmation {
        record Confirmed(Subscriber subscriber, String manageToken, String unsubscribeToken) implements Confirmation {}
        record Expired() implements Confirmation {}
        /** A genuine link whose search was already confirmed: nothing to do, and nothing handed out. */
        record AlreadyUsed() implements Confirmation {}
        /** The address already has {@link #MAX_SEARCHES} searches; the pending one waits until one is deleted. */
        record TooManySearches(Subscriber subscriber, int limit) implements Confirmation {}
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
        if (email == null || email.length() > MAX_EMAIL_LENGTH) return false;
        String address = email.strip();
        int at = address.lastIndexOf('@');
        // RFC 5321 §4.5.3.1.1: a local part of at most 64 octets.
        return at > 0 && at <= 64 && EMAIL.matcher(address).matches();
    }

    /**
     * Stores the search as pending for the address, whoever the address belongs to.
     *
     * @param linkBase the public base URL of the API (e.g. {@code https://abc.execute-api.us-east-1.amazonaws.com}); the
     *                 API learns it from the request, because a Lambda cannot be told its own API's URL without a cycle
     */
    public SignUp signUp(String email, SavedSearch requested, Frequency frequency, String linkBase) {
        if (!isValidEmail(email)) return new SignUp.InvalidEmail("email must be a valid address of at most " + MAX_EMAIL_LENGTH + " characters");
        Instant now = Instant.now(clock);
        String normalised = SubscriberIds.normalise(email);
        String subscriberId = ids.of(normalised);
        // One write and no read, whatever the address: the answer and its time say nothing about it. The cap of
        // pending searches per address is kept off the request path, where the confirmation email is sent.
        store.savePending(new PendingSearch(subscriberId, newPendingId(), normalised, requested, frequency, newNonce(), linkBase, now,
                now.plus(PENDING_TTL), false));
        return new SignUp.Accepted(subscriberId);
    }

    /**
     * Follows a confirmation link: its pending search becomes one of the address's searches (the subscriber is made
     * active when new, or afresh when they had unsubscribed or been suppressed), and the link is spent.
     */
    public Confirmation confirm(String token) {
        Optional<TokenService.ConfirmClaim> claim = TokenService.claimedConfirmation(token);
        if (claim.isEmpty()) return new Confirmation.Invalid();
        Optional<PendingSearch> found = store.findPending(claim.get().subscriberId(), claim.get().pendingId());
        if (found.isEmpty()) {
            // Spent, or expired and gone: a genuine-looking link either way, and it hands out nothing.
            return store.find(claim.get().subscriberId()).isPresent() ? new Confirmation.AlreadyUsed() : new Confirmation.Invalid();
        }
        PendingSearch pending = found.get();
        switch (tokens.checkConfirmation(token, pending)) {
            case EXPIRED -> { return new Confirmation.Expired(); }
            case INVALID -> { return new Confirmation.Invalid(); }
            case VALID -> { }
        }
        Instant now = Instant.now(clock);
        Subscriber subscriber = subscriberFor(pending, now);
        List<SubscriberSearch> searches = store.searchesOf(subscriber.subscriberId());
        if (searches.size() >= MAX_SEARCHES) return new Confirmation.TooManySearches(subscriber, MAX_SEARCHES);
        // The pending search may not overwrite one the owner already has: a clashing id gets a fresh one.
        boolean clashes = searches.stream().anyMatch(s -> s.search().id().equals(pending.search().id()));
        SavedSearch search = clashes ? withId(pending.search(), newSearchId()) : pending.search();
        store.saveProfile(subscriber, now);
        store.saveSearch(new SubscriberSearch(subscriber.subscriberId(), search, false, true, false, subscriber.status(),
                subscriber.frequency(), now.toEpochMilli()));
        store.deletePending(pending.subscriberId(), pending.pendingId());
        return new Confirmation.Confirmed(subscriber, tokens.issue(TokenService.Purpose.MANAGE, subscriber),
                tokens.issue(TokenService.Purpose.UNSUBSCRIBE, subscriber));
    }

    /**
     * The subscriber a confirmed search joins: the existing one when it still receives alerts or paused them; a new
     * active one when the address is new; a fresh one when it had unsubscribed or been suppressed — its old searches
     * go (tombstoned for the matchers) and a new nonce kills its old links.
     */
    private Subscriber subscriberFor(PendingSearch pending, Instant now) {
        Optional<Subscriber> existing = store.find(pending.subscriberId()).or(() -> store.find(SubscriberIds.legacy(pending.email())));
        if (existing.isPresent()) {
            Subscriber subscriber = existing.get();
            if (subscriber.status() == SubscriberStatus.ACTIVE || subscriber.status() == SubscriberStatus.PAUSED) return subscriber;
            if (subscriber.status() == SubscriberStatus.PENDING) return withStatus(withFrequency(subscriber, pending.frequency()), SubscriberStatus.ACTIVE);
            store.delete(subscriber.subscriberId(), now);
        }
        return new Subscriber(pending.subscriberId(), pending.email(), SubscriberStatus.ACTIVE, pending.frequency(), "UTC", newNonce(), now, null);
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
        return store.findByEmail(email, ids).map(subscriber -> changeStatus(subscriber, SubscriberStatus.SUPPRESSED)).isPresent();
    }

    /** The subscriber of an address, if any (operator tools and tests). */
    public Optional<Subscriber> findByEmail(String email) {
        return store.findByEmail(email, ids);
    }

    public String manageToken(Subscriber subscriber) {
        return tokens.issue(TokenService.Purpose.MANAGE, subscriber);
    }

    public String unsubscribeToken(Subscriber subscriber) {
        return tokens.issue(TokenService.Purpose.UNSUBSCRIBE, subscriber);
    }

    public String feedToken(Subscriber subscriber) {
        return tokens.issue(TokenService.Purpose.FEED, subscriber);
    }

    /** A random id for a saved search the client did not name; unguessable so nobody can address another's search. */
    public static String newSearchId() {
        return randomHex(8);
    }

    static SavedSearch withId(SavedSearch s, String id) {
        return new SavedSearch(id, s.query(), s.locations(), s.remote(), s.companies(), s.excludeCompanies(), s.minSalary(),
                s.currency(), s.postedWithinDays(), s.employmentTypes());
    }

    static String newPendingId() {
        return randomHex(8);
    }

    static String newNonce() {
        return randomHex(12);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        Entropy.secure().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static Subscriber withStatus(Subscriber s, SubscriberStatus status) {
        return new Subscriber(s.subscriberId(), s.email(), status, s.frequency(), s.timeZone(), s.nonce(), s.createdAt(), s.confirmationSentAt());
    }

    private static Subscriber withFrequency(Subscriber s, Frequency frequency) {
        return new Subscriber(s.subscriberId(), s.email(), s.status(), frequency, s.timeZone(), s.nonce(), s.createdAt(), s.confirmationSentAt());
    }

}
