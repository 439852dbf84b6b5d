package dev.jobalerts.local;

import dev.jobalerts.local.mail.SmtpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * The settings {@code serve} runs with, checked and typed; {@link ServeCommand} reads them from flags, environment
 * variables and defaults.
 *
 * @param data      null: everything in memory
 * @param smtp      null: mail goes to the outbox
 * @param publicUrl null: links point at the API's own address
 */
record ServeOptions(Path data, SmtpServer smtp, String from, String publicUrl, String host, Set<String> trustedProxies,
                    int port, int dynamoPort, int boardPort, Duration tick, boolean samples) {}
