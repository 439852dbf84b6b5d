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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Collections;
import java.util.function.Function;

/**
 * One {@link PoliteFetcher#crawl} call. Requests are grouped into one lane per host; a lane runs one request at a
 * time and waits its politeness delay between requests on a timer, not on a thread, so a few threads serve any
 * number of hosts and the run takes about as long as its busiest host needs. The consumer may answer an outcome
 * with more requests (the next page of a listing, the detail pages it links to); they join their host's lane, so the
 * politeness delay holds between them as between any two requests to that host.
 */
final class HostLanes {

    private final FetchSettings settings;
    private final Tuning tuning;
    private final Backoff backoff;
    private final HttpHops hops;
    private final ScheduledExecutorService timer;
    private final ExecutorService worker;
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

    /** Global cap on requests in flight; lanes past it queue here. Guarded by {@code this}. */
    private int inFlight;
    private final Deque<Runnable> waitingForPermit = new ArrayDeque<>();

    HostLanes(FetchSettings settings, Tuning tuning, HttpHops hops, ScheduledExecutorService timer, ExecutorService worker,
            Instant deadline, Function<FetchOutcome, List<FetchRequest>> onOutcome) {
        this.settings = settings;
        this.tuning = tuning;
        this.backoff = tuning.backoff();
        this.hops = hops;
        this.timer = timer;
        this.worker = worker;
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

    private void withPermit(Runnable task) {
        synchronized (this) {
            if (inFlight >= tuning.maxInFlight()) {
                waitingForPermit.add(task);
                return;
            }
            inFlight++;
        }
        task.run();
    }

    private void releasePermit() {
        Runnable next;
        synchronized (this) {
            next = waitingForPermit.poll();
            if (next == null) inFlight--;
        }
        if (next != null) worker.execute(next);
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
     * The requests to one host, run strictly one after another. Only one step of a lane runs at a time (each step
     * schedules the next when it ends), which is what makes its plain fields safe without locks.
     */
    private final class Lane {
        /** Guarded by the lane: follow-ups arrive from the delivery thread while the lane's own step runs. */
        private final Deque<Job> queue = new ArrayDeque<>();
        /** True when no step of this lane is running or scheduled; guarded by the lane. */
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
            if (start) worker.execute(this::step);
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

        void step() {
            try {
                Job job = headOrIdle();
                if (job == null) return;
                if (over) {
                    deferAll("run ended");
                    return;
                }
                long waitNanos = nextStartNanos - System.nanoTime();
                if (Instant.now().plusNanos(Math.max(0, waitNanos)).isAfter(startLimit())) {
                    deferAll("run deadline reached before this host's turn");
                    return;
                }
                if (waitNanos <= 0) withPermit(this::runHead);
                else timer.schedule(() -> worker.execute(() -> withPermit(this::runHead)), waitNanos, TimeUnit.NANOSECONDS);
            } catch (RuntimeException bug) {
                failHead(bug);
            }
        }

        /** Runs with a permit held; every path releases it exactly once and then steps on. */
        void runHead() {
            Job job = head();
            try {
                if (over || Instant.now().isAfter(startLimit())) {
                    releasePermit();
                    deferAll(over ? "run ended" : "run deadline reached before this host's turn");
                    return;
                }
                URI url = job.request.url();
                AddressGuard.Verdict verdict = hops.check(url);
                if (verdict instanceof AddressGuard.Verdict.Refused refused) {
                    finishWithoutRequest(new Disallowed(job.request, refused.reason()));
                    return;
                }
                if (verdict instanceof AddressGuard.Verdict.Unresolvable unresolvable) {
                    releasePermit();
                    retryOrFail(job, 0, unresolvable.reason(), null);
                    step();
                    return;
                }
                boolean[] mine = {false};
                CompletableFuture<Robots> rules = robots.computeIfAbsent(HttpUrls.origin(url), a -> {
                    mine[0] = true;
                    return fetchRobots(url);
                });
                if (mine[0]) {
                    // Fetching robots.txt is this host's request for now: the page waits its turn behind it.
                    rules.whenComplete((r, e) -> {
                        if (r != null) raiseCrawlDelay(r);
                        afterRequest(() -> { });
                    });
                    return;
                }
                rules.whenComplete((r, e) -> worker.execute(() -> fetchPage(job, r)));
            } catch (RuntimeException bug) {
                releasePermit();
                failHead(bug);
            }
        }

        void fetchPage(Job job, Robots rules) {
            try {
                raiseCrawlDelay(rules);
                if (rules instanceof Robots.Unreachable u) {
                    finishWithoutRequest(new Deferred(job.request, "robots.txt unreachable: " + u.reason()));
                    return;
                }
                if (rules instanceof Robots.Rules r && !r.allows(job.request.url())) {
                    finishWithoutRequest(new Disallowed(job.request, "robots.txt disallows " + job.request.url().getRawPath()));
                    return;
                }
                hops.follow(call(job.request), HostLanes.this::permissionFor, deadline, settings.maxBodyBytes(), false, tuning.errorBodyCap())
                        .whenComplete((result, error) -> afterRequest(() -> handle(job, result, error)));
            } catch (RuntimeException bug) {
                releasePermit();
                failHead(bug);
            }
        }

        void raiseCrawlDelay(Robots rules) {
            if (rules.crawlDelay().compareTo(crawlDelay) > 0) crawlDelay = rules.crawlDelay();
        }

        /** After any request to this host: start the politeness clock, free the permit, record the result, go on. */
        void afterRequest(Runnable record) {
            nextStartNanos = System.nanoTime() + delayBeforeNext().toNanos();
            releasePermit();
            try {
                record.run();
            } catch (RuntimeException bug) {
                failHead(bug);
                return;
            }
            step();
        }

        void finishWithoutRequest(FetchOutcome outcome) {
            releasePermit();
            finishHead(outcome);
            step();
        }

        /** The source's own delay (or the default), raised to robots.txt's Crawl-delay. */
        Duration delayBeforeNext() {
            Job next = head();
            Duration own = next == null || next.request.minDelay() == null ? settings.defaultDelay() : next.request.minDelay();
            return own.compareTo(crawlDelay) >= 0 ? own : crawlDelay;
        }

        void handle(Job job, HttpHops.Result result, Throwable error) {
            if (error != null) {
                Throwable cause = Failures.unwrap(error);
                boolean deadlineHit = cause instanceof HttpHops.DeadlineReachedException
                        || (cause instanceof HttpTimeoutException && !Instant.now().isBefore(deadline.minusMillis(50)));
                if (deadlineHit) finishHead(new Deferred(job.request, "run deadline reached during the request"));
                else retryOrFail(job, 0, Failures.describe(cause), null);
                return;
            }
            if (result instanceof HttpHops.Result.Response r) handleResponse(job, r);
            else if (result instanceof HttpHops.Result.Refused x) finishHead(new Disallowed(job.request, x.reason()));
            else if (result instanceof HttpHops.Result.HopDisallowed x) finishHead(new Disallowed(job.request, x.reason()));
            else if (result instanceof HttpHops.Result.HopDeferred x) finishHead(new Deferred(job.request, x.reason()));
            else if (result instanceof HttpHops.Result.RedirectFailed x) finishHead(new Failed(job.request, x.status(), x.reason()));
        }

        void handleResponse(Job job, HttpHops.Result.Response r) {
            int status = r.status();
            if (status == 304) {
                finishHead(new NotModified(job.request));
            } else if (status == 429 || status / 100 == 5) {
                retryOrFail(job, status, "HTTP " + status, RetryAfter.parse(r.headers().firstValue("Retry-After").orElse(null), Instant.now()));
            } else if (status / 100 != 2) {
                finishHead(new Failed(job.request, status, HttpHops.isRedirect(status) ? "redirect without Location" : "HTTP " + status));
            } else if (r.tooLarge()) {
                finishHead(new Failed(job.request, status, tooLarge()));
            } else {
                finishHead(fetched(job.request, r));
            }
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
         * Schedules another attempt of the head job after exponential back-off with jitter, or the server's
         * Retry-After when longer (it also holds back the rest of this host), unless attempts are used up or the
         * wait would not fit: a Retry-After beyond the cap or past the deadline defers to a later run.
         */
        void retryOrFail(Job job, int status, String reason, Duration retryAfter) {
            if (retryAfter != null && retryAfter.compareTo(tuning.maxRetryAfter()) > 0) {
                finishHead(new Deferred(job.request, reason + ": Retry-After " + retryAfter.toSeconds() + " s exceeds the "
                        + tuning.maxRetryAfter().toSeconds() + " s we wait within a run"));
                return;
            }
            if (job.attempt >= settings.maxAttempts()) {
                finishHead(new Failed(job.request, status, reason + " (after " + job.attempt + " attempts)"));
                return;
            }
            Backoff.Next next = backoff.next(job.attempt, retryAfter, Duration.between(Instant.now(), startLimit()));
            if (next instanceof Backoff.Next.PastDeadline) {
                finishHead(new Deferred(job.request, reason + ": retrying in " + next.delay().toMillis() + " ms would pass the run deadline"));
                return;
            }
            job.attempt++;
            nextStartNanos = Math.max(nextStartNanos, System.nanoTime() + next.delay().toNanos());
        }

        void finishHead(FetchOutcome outcome) {
            Job job = poll();
            if (job != null) report(job, outcome);
        }

        /** Defers every queued job and ends this lane's chain of steps (a later follow-up starts a new one). */
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

        /** A bug must not stall the lane and hold the run until its deadline: fail the request and go on. */
        void failHead(RuntimeException bug) {
            Job job = poll();
            if (job != null) report(job, new Failed(job.request, 0, "internal error: " + bug));
            step();
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
