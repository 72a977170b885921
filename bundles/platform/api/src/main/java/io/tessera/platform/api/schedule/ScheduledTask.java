package io.tessera.platform.api.schedule;

/**
 * Recurring work (expiring holds, closing unpaid orders, daily reconciliation), registered as a DS
 * service with {@link #NAME} and a default {@link #INTERVAL} (ISO-8601, e.g. "PT1M"); the interval and
 * whether the task runs at all are configured in {@code etc/io.tessera.scheduler.cfg}
 * ({@code <name>.interval}, {@code <name>.enabled}). Each run is claimed in the database first, so when
 * several Tessera nodes share a database, each due run happens on one node only.
 */
public interface ScheduledTask {

    String NAME = "tessera.task.name";
    String INTERVAL = "tessera.task.interval";

    /** One run; it runs as the system caller, with no transaction of its own. What it returns is logged and shown. */
    String run();
}
