package org.backstrong.e2e.stack;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the {@link LocalStack} once per test run, before the first class that needs it, and
 * stops it when the run ends (JUnit closes the root store; a JVM shutdown hook is the backstop).
 * Tests receive it as a parameter. A stack that failed to start fails every test, without retries.
 */
public final class StackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);

    /** The started stack, or why it could not start; closed with the root store. */
    private record Started(LocalStack stack, RuntimeException failure) implements AutoCloseable {

        LocalStack get() {
            if (failure != null) {
                throw new IllegalStateException("the stack did not start (see the first failure)", failure);
            }
            return stack;
        }

        @Override
        public void close() {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    /** The run's stack, started on first use. */
    public static LocalStack stack(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Started.class, key -> start(), Started.class)
                .get();
    }

    /** The run's stack if it started, else null (for failure reports). */
    public static LocalStack startedStack(ExtensionContext context) {
        Started started = context.getRoot().getStore(NAMESPACE).get(Started.class, Started.class);
        return started == null ? null : started.stack();
    }

    private static Started start() {
        Path root = Path.of(System.getProperty("backstrong.root", "../.."))
                .toAbsolutePath()
                .normalize();
        Path state = Path.of(System.getProperty("backstrong.e2e.state", "target/stack"))
                .toAbsolutePath()
                .normalize();
        try {
            return new Started(LocalStack.start(root, state), null);
        } catch (RuntimeException e) {
            return new Started(null, e);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }
}
