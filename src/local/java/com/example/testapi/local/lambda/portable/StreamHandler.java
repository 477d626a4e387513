package com.example.testapi.local.lambda.portable;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * A handler string resolved as Lambda's java runtime resolves it: {@code package.Class::method}, or {@code
 * package.Class} for {@code handleRequest}; the class built once, with its public no-argument constructor, at init.
 * Only stream handlers are taken: {@code (InputStream, OutputStream, Context)} first, else {@code (InputStream,
 * OutputStream)}; both this project's zips have such handlers. A POJO handler (Lambda's own JSON binding) is refused
 * at init with a message saying so.
 */
final class StreamHandler {

    private final Object target;
    private final Method method;

    private StreamHandler(Object target, Method method) {
        this.target = target;
        this.method = method;
    }

    static StreamHandler resolve(String handler) throws ReflectiveOperationException {
        int colons = handler.indexOf("::");
        String className = colons < 0 ? handler : handler.substring(0, colons);
        String methodName = colons < 0 ? "handleRequest" : handler.substring(colons + 2);
        Class<?> type = Class.forName(className, true, ClassLoader.getSystemClassLoader());
        Optional<Method> method = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(methodName))
                .filter(StreamHandler::isStream).min(Comparator.comparingInt(m -> -m.getParameterCount()));
        if (method.isEmpty()) {
            throw new NoSuchMethodException("no public " + methodName + "(InputStream, OutputStream[, Context]) in "
                    + className + ": the portable runtime runs stream handlers only");
        }
        Object target = Modifier.isStatic(method.get().getModifiers()) ? null
                : type.getConstructor().newInstance();
        return new StreamHandler(target, method.get());
    }

    private static boolean isStream(Method method) {
        Class<?>[] types = method.getParameterTypes();
        boolean streams = types.length >= 2 && types[0] == InputStream.class && types[1] == OutputStream.class;
        return streams && (types.length == 2 || types.length == 3 && types[2] == Context.class);
    }

    void invoke(InputStream input, OutputStream output, Context context) throws Throwable {
        try {
            if (method.getParameterCount() == 3) {
                method.invoke(target, input, output, context);
            } else {
                method.invoke(target, input, output);
            }
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
