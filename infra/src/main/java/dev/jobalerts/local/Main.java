package dev.jobalerts.local;

/** Entry point of jobalerts.jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.err.println("usage: java -jar jobalerts.jar <demo|serve|parse|match|sources|...>");
        System.exit(2);
    }
}
