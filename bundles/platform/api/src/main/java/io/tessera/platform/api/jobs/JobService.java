package io.tessera.platform.api.jobs;

import io.tessera.platform.api.Page;

/**
 * Runs long work in the background and lets clients poll it (REST {@code /jobs/{id}}, console
 * {@code platform:jobs}). A job runs as the caller who submitted it; that caller and headquarters
 * roles see it. Jobs are recorded in the database; a job cut short by a restart is marked FAILED
 * and can simply be submitted again (the work must be safe to repeat).
 */
public interface JobService {

    /**
     * Queues the work and returns at once with the QUEUED job. Outside a transaction the work starts at once; inside
     * one the job's row joins it and the work starts when it commits (so it reads what the caller wrote), never if
     * it rolls back.
     */
    Job submit(String type, String description, String reference, JobWork work);

    /** The job, with live progress while it runs; 404 JOB_NOT_FOUND unless the caller may see it. */
    Job get(long id);

    /** One page of the caller's visible jobs, newest first; {@code type} null for all types. */
    Page<Job> list(String type, int page, int size);

    /** The file of a succeeded job; 404 when it has none (yet). */
    JobResult result(long id);
}
