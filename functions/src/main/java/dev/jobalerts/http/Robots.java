package dev.jobalerts.http;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.jobalerts.url.HttpUrls;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** What robots.txt (RFC 9309) says about one scheme+host+port, as fetched once per run. */
sealed interface Robots {

    /** Rules to obey; {@code crawlDelay} is zero when the file names none. */
    record Rules(BaseRobotRules rules, Duration crawlDelay) implements Robots {
        boolean allows(URI url) {
            return rules.isAllowed(url.toString());
        }
    }

    /** The file could not be read (5xx, 429, network): RFC 9309 §2.3.1.4 forbids crawling, so we try next run. */
    record Unreachable(String reason) implements Robots {}

    default Duration crawlDelay() {
        return this instanceof Rules r ? r.crawlDelay() : Duration.ZERO;
    }

    static Rules allowAll() {
        return new Rules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), Duration.ZERO);
    }

    /** The robots.txt URL governing {@code url}: same scheme, host and port (RFC 9309 §2.3). */
    static URI location(URI url) {
        return URI.create(HttpUrls.origin(url) + "/robots.txt");
    }

    /** Interprets the end of fetching robots.txt; {@code error} is a network fault, else {@code result} is set. */
    static Robots from(URI robotsUrl, HttpHops.Result result, Throwable error, String productToken, long maxBodyBytes) {
        if (error != null) return new Unreachable(Failures.describe(error));
        if (result instanceof HttpHops.Result.Response r) {
            int status = r.status();
            // 429 is a 4xx, but it says "come back later", not "there is no file": treat it like a 5xx.
            if (status == 429 || status >= 500) return new Unreachable("robots.txt answered HTTP " + status);
            // RFC 9309 §2.3.1.3: any other 4xx means "unavailable", and the crawler may access everything.
            if (status / 100 != 2) return allowAll();
            byte[] body;
            try {
                body = ContentEncoding.decode(r.body(), r.headers().firstValue("Content-Encoding").orElse(null), maxBodyBytes);
            } catch (IOException e) {
                return new Unreachable("robots.txt unreadable: " + e.getMessage());
            }
            return parse(robotsUrl, body, r.headers().firstValue("Content-Type").orElse("text/plain"), productToken);
        }
        // RFC 9309 §2.3.1.2: after too many redirects the file may be treated as unavailable, i.e. allow all.
        if (result instanceof HttpHops.Result.RedirectFailed) return allowAll();
        if (result instanceof HttpHops.Result.Refused refused) return new Unreachable("robots.txt redirect refused: " + refused.reason());
        return new Unreachable("robots.txt not fetched: " + result);
    }

    static Rules parse(URI robotsUrl, byte[] body, String contentType, String productToken) {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        BaseRobotRules rules = parser.parseContent(robotsUrl.toString(), body, contentType, List.of(productToken));
        long delayMillis = rules.getCrawlDelay();
        // crawler-commons reports Crawl-delay in milliseconds; it turns delays over its 5-minute limit into "disallow all".
        Duration delay = delayMillis == BaseRobotRules.UNSET_CRAWL_DELAY || delayMillis <= 0 ? Duration.ZERO : Duration.ofMillis(delayMillis);
        return new Rules(rules, delay);
    }
}
