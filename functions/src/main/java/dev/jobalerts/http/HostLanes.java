package dev.jobalerts.http;

import dev.jobalerts.http.FetchOutcome.Deferred;
import dev.jobalerts.http.FetchOutcome.Disallowed;
import dev.jobalerts.http.FetchOutcome.Failed;
import dev.jobalerts.http.FetchOutcome.Fetched;
import dev.jobalerts.http.FetchOutcome.NotModified;
import dev.jobalerts.pacing.Backoff;
import dev.jobalerts.url.HttpUrls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Collections;
import java.util.function.Function;

/**
 * One {@link PoliteFetcher#crawl} call. Requests are grouped into one lane per host. A lane takes turns: a turn runs
 * its host's next request from start to outcome, top to bottom, on one of {@code maxInFlight} threads (so no more
 * requests than that are ever in flight), and then books the lane's next turn after the host's politeness delay. The
 * delay is waited on a timer, not on a thread, so those few threads serve any number of hosts and the run takes about
 * as long as its busiest host needs. The consumer may answer an outcome with more requests (the next page of a
 * listing, the detail pages it links to); they join their host's lane, so the politeness delay holds between them as
 * between any two requests to that host.
 */
final class HostLanes {

    private final FetchSettings settings;
    private final Tuning tuning;
    private final Backoff backoff;
    private final HttpHops hops;
    private final ScheduledExecutorService timer;
    /** Runs the lanes' turns; its size is the bound on requests in flight across all hosts. */
    private final ExecutorService turns;
    private final Instant deadline;
    private final Function<FetchOutcome, List<FetchRequest>> onOutcome;

    /** robots.txt per scheme://host:port, fetched at most once per run (RFC 9309 §2.4 allows caching up to 24 h). */
    private final Map<String, CompletableFuture<Robots>> robots = new ConcurrentHashMap<>();
    /** Every job of the run, follow-ups included, so the end of the run can report the unfinished ones. */
    private final List<Job> jobs = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final ExecutorService delivery;
    /** Jobs without a delivered outcome; the run is over when it reaches zero. Guarded by {@code this}. */
    private int undelivered;
    private final AtomicReference<RuntimeException> consumerFailure = new AtomicReference<>();
    private volatile boolean over;

    HostLanes(FetchSettings settings, Tuning tuning, HttpHops hops, ScheduledExecutorService timer, Instant deadline,
            Function<FetchOutcome, List<FetchRequest>> onOutcome) {
        this.settings = settings;
        this.tuning = tuning;
        this.backoff = tuning.backoff();
        this.hops = hops;
        this.timer = timer;
        this.turns = Executors.newFixedThreadPool(tuning.maxInFlight(), PoliteFetcher.daemonThreads("jobalerts-fetch-lane"));
        this.deadline = deadline;
        this.onOutcome = onOutcome;
        this.delivery = Executors.newSingleThreadExecutor(PoliteFetcher.daemonThreads("jobalerts-fetch-deliver"));
    }

    /** Blocks until every request, follow-ups included, has an outcome, or a little past the deadline at worst. */
    void execute(List<FetchRequest> requests) {
        try {
            requests.forEach(this::add);
            awaitQuiet(deadline.plus(tuning.runGrace()));
            over = true;
            List<Job> all;
            synchronized (jobs) {
                all = new ArrayList<>(jobs);
            }
            for (Job job : all) report(job, new Deferred(job.request, "run ended before this request finished"));
            awaitQuiet(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            over = true;
        } finally {
            delivery.shutdown();
            // A turn still waiting on an answer is cut off by the request's own deadline; this frees its thread now.
            turns.shutdownNow();
        }
        RuntimeException failure = consumerFailure.get();
        if (failure != null) throw failure;
    }

    /** Queues a request on its host's lane, starting the lane if it was idle; after the end of the run it is deferred at once. */
    private void add(FetchRequest request) {
        Job job = new Job(request);
        synchronized (this) {
            undelivered++;
        }
        jobs.add(job);
        URI url = request.url();
        String refusal = !HttpUrls.isHttp(url) ? "scheme not allowed: " + url.getScheme()
                : url.getHost() == null ? "URL has no host: " + url : null;
        if (refusal != null) {
            report(job, new Disallowed(request, refusal));
            return;
        }
        if (over) {
            report(job, new Deferred(request, "run ended before this request could start"));
            return;
        }
        lanes.computeIfAbsent(url.getHost().toLowerCase(Locale.ROOT), h -> new Lane()).add(job);
    }

    /** Waits until no job is left without an outcome, or until {@code end} (null: no limit). */
    private synchronized void awaitQuiet(Instant end) throws InterruptedException {
        while (undelivered > 0) {
            if (end == null) {
                wait();
                continue;
            }
            long millis = Duration.between(Instant.now(), end).toMillis();
            if (millis <= 0) return;
            wait(millis);
        }
    }

    private synchronized void delivered() {
        if (--undelivered == 0) notifyAll();
    }

    /**
     * Hands one outcome to the consumer, once per job, on a single thread so calls never overlap. The follow-ups it
     * returns are queued before this job counts as delivered, so the run cannot end between the two.
     */
    private void report(Job job, FetchOutcome outcome) {
        if (!job.reported.compareAndSet(false, true)) return;
        delivery.execute(() -> {
            try {
                if (consumerFailure.get() == null) {
                    List<FetchRequest> more = onOutcome.apply(outcome);
                    if (more != null) more.forEach(this::add);
                }
            } catch (RuntimeException e) {
                consumerFailure.compareAndSet(null, e);
            } finally {
                delivered();
            }
        });
    }

    private Instant startLimit() {
        return deadline.minus(tuning.deadlineMargin());
    }

    /** Answers robots.txt for a redirect target, fetching it now if this run has not seen its host yet. */
    private CompletableFuture<HttpHops.HopPermission> permissionFor(URI target) {
        return robotsFor(target).thenApply(r -> {
            if (r instanceof Robots.Unreachable u) return new HttpHops.HopPermission.Deferred("robots.txt unreachable for " + target.getHost() + ": " + u.reason());
            if (r instanceof Robots.Rules rules && !rules.allows(target)) return new HttpHops.HopPermission.Disallowed("robots.txt disallows redirect target " + target);
            return new HttpHops.HopPermission.Allowed();
        });
    }

    private CompletableFuture<Robots> robotsFor(URI url) {
        return robots.computeIfAbsent(HttpUrls.origin(url), a -> fetchRobots(url));
    }

    private CompletableFuture<Robots> fetchRobots(URI url) {
        URI robotsUrl = Robots.location(url);
        return hops.follow(HttpHops.Call.get(robotsUrl, Map.of()), null, deadline, tuning.robotsBodyCap(), true, tuning.errorBodyCap())
                .handle((result, error) -> Robots.from(robotsUrl, result, error, settings.productToken(), settings.maxBodyBytes()));
    }

    private static final class Job {
        final FetchRequest request;
        final AtomicBoolean reported = new AtomicBoolean();
        int attempt = 1;

        Job(FetchRequest request) {
            this.request = request;
        }
    }

    /**
     * The requests to one host, run strictly one after another. Only one turn of a lane runs or is booked at a time
     * (each turn books the next when it ends), which is what makes its plain fields safe without locks.
     */
    private final class Lane {
        /** Guarded by the lane: follow-ups arrive from the delivery thread while the lane's turn runs. */
        private final Deque<Job> queue = new ArrayDeque<>();
        /** True when no turn of this lane is running or booked; guarded by the lane. */
        private boolean idle = true;
        long nextStartNanos = System.nanoTime();
        Duration crawlDelay = Duration.ZERO;

        void add(Job job) {
            boolean start;
            synchronized (this) {
                queue.add(job);
                start = idle;
                idle = false;
            }
            if (start) bookTurn();
        }

        synchronized Job head() {
            return queue.peek();
        }

        synchronized Job poll() {
            return queue.poll();
        }

        /** The head job, or none and the lane marked idle, in one step so a concurrent add cannot be missed. */
        private synchronized Job headOrIdle() {
            Job job = queue.peek();
            if (job == null) idle = true;
            return job;
        }

        /** Books the next turn for when the host's politeness delay is over, unless the run cannot wait that long. */
        void bookTurn() {
            if (headOrIdle() == null) return;
            if (over) {
                deferAll("run ended");
                return;
            }
            long waitNanos = nextStartNanos - System.nanoTime();
            if (Instant.now().plusNanos(Math.max(0, waitNanos)).isAfter(startLimit())) {
                deferAll("run deadline reached before this host's turn");
                return;
            }
            try {
                if (waitNanos <= 0) turns.execute(this::turn);
                else timer.schedule(() -> turns.execute(this::turn), waitNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException runOver) {
                deferAll("run ended");
            }
        }

        /** One turn: the head request from start to outcome, then the next turn booked. */
        void turn() {
            Job job = head();
            if (job == null) {
                bookTurn();
                return;
            }
            try {
                FetchOutcome outcome = attempt(job);
                if (outcome != null) finishHead(outcome);
            } catch (InterruptedException runOver) {
                deferAll("run ended");
                return;
            } catch (RuntimeException bug) {
                // A bug must not stall the lane and hold the run until its deadline: fail the request and go on.
                Job failed = poll();
                if (failed != null) report(failed, new Failed(failed.request, 0, "internal error: " + bug));
            }
            bookTurn();
        }

        /**
         * The head request: its outcome, or null when it stays at the head for another turn (robots.txt was this
         * turn's request, or a retry after back-off, which {@link #retryOrFail} booked by moving the next start).
         */
        FetchOutcome attempt(Job job) throws InterruptedException {
            if (over || Instant.now().isAfter(startLimit())) {
                deferAll(over ? "run ended" : "run deadline reached before this host's turn");
                return null;
            }
            URI url = job.request.url();
            AddressGuard.Verdict verdict = hops.check(url);
            if (verdict instanceof AddressGuard.Verdict.Refused refused) return new Disallowed(job.request, refused.reason());
            if (verdict instanceof AddressGuard.Verdict.Unresolvable unresolvable) return retryOrFail(job, 0, unresolvable.reason(), null);
            boolean[] mine = {false};
            CompletableFuture<Robots> rules = robots.computeIfAbsent(HttpUrls.origin(url), a -> {
                mine[0] = true;
                return fetchRobots(url);
            });
            if (mine[0]) {
                // Fetching robots.txt is this host's request for now: the page waits its turn behind it.
                raiseCrawlDelay(rulesFrom(rules));
                startPolitenessClock();
                return null;
            }
            Robots known = rulesFrom(rules);
            raiseCrawlDelay(known);
            if (known instanceof Robots.Unreachable u) return new Deferred(job.request, "robots.txt unreachable: " + u.reason());
            if (known instanceof Robots.Rules r && !r.allows(url)) return new Disallowed(job.request, "robots.txt disallows " + url.getRawPath());
            HttpHops.Result result = null;
            Throwable error = null;
            try {
                result = hops.follow(call(job.request), HostLanes.this::permissionFor, deadline, settings.maxBodyBytes(), false,
                        tuning.errorBodyCap()).get();
            } catch (ExecutionException failed) {
                error = failed.getCause();
            }
            startPolitenessClock();
            return outcome(job, result, error);
        }

        /** robots.txt as this run knows it; its future never fails (an unreachable robots.txt is a {@link Robots} too). */
        private Robots rulesFrom(CompletableFuture<Robots> rules) throws InterruptedException {
            try {
                return rules.get();
            } catch (ExecutionException impossible) {
                throw new IllegalStateException(impossible.getCause());
            }
        }

        void raiseCrawlDelay(Robots rules) {
            if (rules.crawlDelay().compareTo(crawlDelay) > 0) crawlDelay = rules.crawlDelay();
        }

        /** After any request to this host: the next may start once the politeness delay has passed. */
        void startPolitenessClock() {
            nextStartNanos = System.nanoTime() + delayBeforeNext().toNanos();
        }

        /** The source's own delay (or the default), raised to robots.txt's Crawl-delay. */
        Duration delayBeforeNext() {
            Job next = head();
            Duration own = next == null || next.request.minDelay() == null ? settings.defaultDelay() : next.request.minDelay();
            return own.compareTo(crawlDelay) >= 0 ? own : crawlDelay;
        }

        /** What an answer (or the failure to get one) means for the head job; null when it is tried again. */
        FetchOutcome outcome(Job job, HttpHops.Result result, Throwable error) {
            if (error != null) {
                Throwable cause = Failures.unwrap(error);
                boolean deadlineHit = cause instanceof HttpHops.DeadlineReachedException
                        || (cause instanceof HttpTimeoutException && !Instant.now().isBefore(deadline.minusMillis(50)));
                if (deadlineHit) return new Deferred(job.request, "run deadline reached during the request");
                return retryOrFail(job, 0, Failures.describe(cause), null);
            }
            if (result instanceof HttpHops.Result.Response r) return outcome(job, r);
            if (result instanceof HttpHops.Result.Refused x) return new Disallowed(job.request, x.reason());
            if (result instanceof HttpHops.Result.HopDisallowed x) return new Disallowed(job.request, x.reason());
            if (result instanceof HttpHops.Result.HopDeferred x) return new Deferred(job.request, x.reason());
            if (result instanceof HttpHops.Result.RedirectFailed x) return new Failed(job.request, x.status(), x.reason());
            throw new IllegalStateException("unknown result " + result);
        }

        FetchOutcome outcome(Job job, HttpHops.Result.Response r) {
            int status = r.status();
            if (status == 304) return new NotModified(job.request);
            if (status == 429 || status / 100 == 5)
                return retryOrFail(job, status, "HTTP " + status, RetryAfter.parse(r.headers().firstValue("Retry-After").orElse(null), Instant.now()));
            if (status / 100 != 2)
                return new Failed(job.request, status, HttpHops.isRedirect(status) ? "redirect without Location" : "HTTP " + status);
            if (r.tooLarge()) return new Failed(job.request, status, tooLarge());
            return fetched(job.request, r);
        }

        FetchOutcome fetched(FetchRequest request, HttpHops.Result.Response r) {
            String contentType = r.headers().firstValue("Content-Type").orElse(null);
            byte[] body;
            try {
                body = ContentEncoding.decode(r.body(), r.headers().firstValue("Content-Encoding").orElse(null), settings.maxBodyBytes());
            } catch (ContentEncoding.TooLargeException e) {
                return new Failed(request, r.status(), tooLarge());
            } catch (IOException e) {
                return new Failed(request, r.status(), "undecodable body: " + e.getMessage());
            }
            return new Fetched(request, r.uri(), r.status(), contentType, BodyDecoder.decode(body, contentType),
                    r.headers().firstValue("ETag").orElse(null), r.headers().firstValue("Last-Modified").orElse(null));
        }

        String tooLarge() {
            return "too large: body over " + settings.maxBodyBytes() + " bytes";
        }

        /**
         * Another attempt of the head job after exponential back-off with jitter, or the server's Retry-After when
         * longer (it also holds back the rest of this host): null, with the lane's next start moved. Its outcome
         * instead when attempts are used up or the wait would not fit: a Retry-After beyond the cap or past the
         * deadline defers to a later run.
         */
        FetchOutcome retryOrFail(Job job, int status, String reason, Duration retryAfter) {
            if (retryAfter != null && retryAfter.compareTo(tuning.maxRetryAfter()) > 0) {
                return new Deferred(job.request, reason + ": Retry-After " + retryAfter.toSeconds() + " s exceeds the "
                        + tuning.maxRetryAfter().toSeconds() + " s we wait within a run");
            }
            if (job.attempt >= settings.maxAttempts()) return new Failed(job.request, status, reason + " (after " + job.attempt + " attempts)");
            Backoff.Next next = backoff.next(job.attempt, retryAfter, Duration.between(Instant.now(), startLimit()));
            if (next instanceof Backoff.Next.PastDeadline) {
                return new Deferred(job.request, reason + ": retrying in " + next.delay().toMillis() + " ms would pass the run deadline");
            }
            job.attempt++;
            nextStartNanos = Math.max(nextStartNanos, System.nanoTime() + next.delay().toNanos());
            return null;
        }

        void finishHead(FetchOutcome outcome) {
            Job job = poll();
            if (job != null) report(job, outcome);
        }

        /** Defers every queued job and leaves the lane idle (a later follow-up starts it again). */
        void deferAll(String reason) {
            while (true) {
                Job job;
                synchronized (this) {
                    job = queue.poll();
                    if (job == null) {
                        idle = true;
                        return;
                    }
                }
                report(job, new Deferred(job.request, reason));
            }
        }

        /** The request as HttpHops sends it: its own headers plus the stored validators. */
        HttpHops.Call call(FetchRequest request) {
            Map<String, String> headers = new LinkedHashMap<>(request.headers());
            if (request.etag() != null) headers.put("If-None-Match", request.etag());
            if (request.lastModified() != null) headers.put("If-Modified-Since", request.lastModified());
            return new HttpHops.Call(request.url(), request.method(), request.bodyBytes(), headers, request.secrets());
        }
    }
}
