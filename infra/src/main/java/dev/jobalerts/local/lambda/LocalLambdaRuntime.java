package dev.jobalerts.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobalerts.local.cloud.LocalContext;
import dev.jobalerts.local.lambda.checkpoint.Core;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs one Lambda function in this JVM the way the Lambda Java runtime does, for {@link LambdaProcess}: the
 * function's code is loaded from its unpacked artifact by a class loader that sees only the runtime's classes
 * ({@link RuntimeOnlyClassLoader}), the handler is built with its no-arg constructor (the function's init), events
 * are read and answers written with the runtime's own serializer (aws-lambda-java-serialization). For a SnapStart
 * function ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}) the registered hooks run between init and the first
 * invocation, as when Lambda takes a snapshot and resumes it (no snapshot is taken: priming and restore run, the
 * process is not frozen).
 *
 * <p>What happened goes to a results file, one JSON object per line: {@code init}, {@code restore} (SnapStart
 * only) and one {@code invoke} per event with its duration, answer or error. The function's own log lines go to
 * standard output as in Lambda.
 *
 * <p>Arguments: {@code TASK_DIR HANDLER RESULTS_FILE [EVENT_FILE...]}, where HANDLER is {@code class::method}.
 */
public final class LocalLambdaRuntime {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalLambdaRuntime() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LocalLambdaRuntime TASK_DIR HANDLER RESULTS_FILE [EVENT_FILE...]");
            System.exit(2);
        }
        Path results = Path.of(args[2]);
        Files.deleteIfExists(results);
        try {
            run(Path.of(args[0]), args[1], results, Stream.of(args).skip(3).map(Path::of).toList());
        } catch (Throwable fatal) {
            // An init failure: Lambda reports it and never invokes; the results say why.
            record(results, line("init-error").put("error", stackTrace(fatal)));
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(Path task, String handlerName, Path results, List<Path> events) throws Exception {
        String functionName = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "function");
        String[] handlerParts = handlerName.split("::");
        String methodName = handlerParts.length > 1 ? handlerParts[1] : "handleRequest";

        long initStart = System.nanoTime();
        ClassLoader functionLoader = new URLClassLoader("function", taskClassPath(task),
                new RuntimeOnlyClassLoader(LocalLambdaRuntime.class.getClassLoader()));
        Thread.currentThread().setContextClassLoader(functionLoader);
        Class<?> handlerClass = Class.forName(handlerParts[0], true, functionLoader);
        Object handler = handlerClass.getConstructor().newInstance();
        Method method = handleMethod(handlerClass, methodName);
        record(results, line("init").put("millis", millisSince(initStart)));

        if ("snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            long restoreStart = System.nanoTime();
            Core.checkpointRestore();
            record(results, line("restore").put("millis", millisSince(restoreStart)));
        }

        PojoSerializer<Object> input = serializerFor(method.getParameterTypes()[0], functionLoader);
        PojoSerializer<Object> output = method.getReturnType() == void.class ? null : serializerFor(method.getReturnType(), functionLoader);
        for (Path event : events) {
            ObjectNode outcome = line("invoke").put("event", event.getFileName().toString());
            Object request;
            try (InputStream in = Files.newInputStream(event)) {
                request = input.fromJson(in);
            }
            Context context = new LocalContext(functionName, 60);
            long start = System.nanoTime();
            try {
                Object answer = method.invoke(handler, request, context);
                outcome.put("millis", millisSince(start));
                if (output != null && answer != null) outcome.set("output", JSON.readTree(toJson(output, answer)));
            } catch (java.lang.reflect.InvocationTargetException e) {
                outcome.put("millis", millisSince(start)).put("error", stackTrace(e.getCause()));
            }
            record(results, outcome);
        }
    }

    /** The unpacked artifact and, as Lambda adds them, the jars in its {@code lib/}. */
    private static URL[] taskClassPath(Path task) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(task.toUri().toURL());
        Path lib = task.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) urls.add(jar.toUri().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static Method handleMethod(Class<?> handlerClass, String name) throws NoSuchMethodException {
        for (Method method : handlerClass.getMethods())
            if (method.getName().equals(name) && !method.isBridge() && method.getParameterCount() == 2) return method;
        throw new NoSuchMethodException(handlerClass.getName() + "::" + name + "(input, Context)");
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializerFor(Class<?> type, ClassLoader loader) {
        return (PojoSerializer<Object>) (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, loader)
                : JacksonFactory.getInstance().getSerializer(type));
    }

    private static String toJson(PojoSerializer<Object> serializer, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ObjectNode line(String phase) {
        return JSON.createObjectNode().put("phase", phase);
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static void record(Path results, ObjectNode line) throws IOException {
        Files.writeString(results, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
