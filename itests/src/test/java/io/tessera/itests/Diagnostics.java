package io.tessera.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.util.tracker.ServiceTracker;

/**
 * What a test says when the container is not what it expects: which bundles are not active and the last errors
 * of the container's log, in the failure's own message (the only part of a failed run every reader sees).
 */
final class Diagnostics {

    private Diagnostics() {
    }

    /** The service, waiting for it as Pax Exam's injection would; its absence is explained. */
    static <T> T await(BundleContext context, Class<T> type, long seconds) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(seconds));
            if (service == null) {
                throw new AssertionError(type.getSimpleName() + " not up after " + seconds + " s; " + summary(context));
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + type.getSimpleName(), e);
        }
        // The tracker stays open: the service is used for the rest of the class.
    }

    /** Bundles that are not active (fragments aside) and the last ERROR lines of data/log/karaf.log. */
    static String summary(BundleContext context) {
        List<String> inactive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getState() != Bundle.ACTIVE && b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                inactive.add(b.getSymbolicName() + "=" + b.getState());
            }
        }
        return "bundles not active: " + inactive + "; last log errors: " + logErrors(6);
    }

    static List<String> logErrors(int max) {
        List<String> errors = new ArrayList<>();
        Path log = Path.of(System.getProperty("karaf.data", "data"), "log", "karaf.log");
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("| ERROR |")) {
                    // The line and the first lines of its stack trace, where the cause is.
                    StringBuilder s = new StringBuilder(lines.get(i));
                    for (int j = i + 1; j < Math.min(lines.size(), i + 40); j++) {
                        if (lines.get(j).startsWith("Caused by:")) {
                            s.append(" / ").append(lines.get(j));
                        }
                    }
                    errors.add(s.length() > 700 ? s.substring(0, 700) + "..." : s.toString());
                }
            }
        } catch (IOException e) {
            errors.add("(no log: " + e.getMessage() + ")");
        }
        return errors.size() > max ? errors.subList(errors.size() - max, errors.size()) : errors;
    }
}
