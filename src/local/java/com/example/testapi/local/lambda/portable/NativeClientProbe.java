package com.example.testapi.local.lambda.portable;

/**
 * Whether the AWS runtime interface client's native library loads in a JVM like the function's: run in a child JVM
 * with the client's jars (and whatever JVM options the functions get, such as its own {@code …NativeClient.JNI}
 * property), it asks the client to load its library as it does at start. Exit 0: it loads; 3: it does not, with the
 * reason on one line. A child JVM, so that neither a failure nor a loaded library touches the local cloud's own.
 */
public final class NativeClientProbe {

    /** The start of its own line of output, so that other lines of the JVM's do not pass for its answer. */
    public static final String MARK = "native-client-probe: ";

    private NativeClientProbe() {
    }

    public static void main(String[] args) {
        try {
            Class.forName("com.amazonaws.services.lambda.runtime.api.client.runtimeapi.JniHelper")
                    .getMethod("load").invoke(null);
            System.exit(0);
        } catch (Throwable e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            System.out.println(MARK + cause.getClass().getSimpleName() + ": " + cause.getMessage());
            System.exit(3);
        }
    }
}
