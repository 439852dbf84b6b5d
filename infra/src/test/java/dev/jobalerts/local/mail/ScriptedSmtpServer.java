package dev.jobalerts.local.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small SMTP server on loopback (RFC 5321's commands, no extensions) whose answers the test sets: a reply code per
 * recipient for RCPT TO, and one for MAIL FROM. A real server on a real socket, which is what the SMTP mailer talks to;
 * GreenMail cannot be told to refuse one recipient with 4xx and another with 5xx.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    /** One message the server accepted: its envelope recipient and the raw message. */
    public record Accepted(String recipient, String data) {}

    private final ServerSocket socket;
    private final Thread acceptor;
    /** Lower-cased address → the reply line to RCPT TO for it (absent: 250). */
    public final Map<String, String> rcptReplies = new ConcurrentHashMap<>();
    public volatile String mailFromReply = "250 sender ok";
    public final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private volatile boolean hangingUp;

    public ScriptedSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public List<Accepted> acceptedFor(String recipient) {
        return accepted.stream().filter(a -> a.recipient().equalsIgnoreCase(recipient)).toList();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                if (hangingUp) {
                    client.close();
                    continue;
                }
                Thread session = new Thread(() -> serve(client), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(30_000);
            var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            reply(out, "220 scripted.test ESMTP");
            String recipient = null;
            boolean senderOk = false;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 scripted.test");
                } else if (command.startsWith("MAIL FROM:")) {
                    String answer = mailFromReply;
                    senderOk = answer.startsWith("2");
                    recipient = null;
                    reply(out, answer);
                } else if (command.startsWith("RCPT TO:")) {
                    String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase(Locale.ROOT);
                    String answer = !senderOk ? "503 need MAIL first" : rcptReplies.getOrDefault(address, "250 ok");
                    if (answer.startsWith("2")) recipient = address;
                    reply(out, answer);
                } else if (command.equals("DATA")) {
                    if (recipient == null) {
                        reply(out, "503 no valid recipients");
                        continue;
                    }
                    reply(out, "354 go ahead");
                    StringBuilder data = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
                    accepted.add(new Accepted(recipient, data.toString()));
                    recipient = null;
                    reply(out, "250 queued");
                } else if (command.equals("RSET")) {
                    recipient = null;
                    senderOk = false;
                    reply(out, "250 reset");
                } else if (command.equals("NOOP")) {
                    reply(out, "250 ok");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 not implemented");
                }
            }
        } catch (SocketException closed) {
            // the client hung up
        } catch (IOException e) {
            // a test server: a broken session ends it
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * From now on every connection is closed before the greeting, as by a server that went away. Closing the
     * listening socket instead would free its port for whichever process binds next on this shared machine.
     */
    public void hangUpOnEveryone() {
        hangingUp = true;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
