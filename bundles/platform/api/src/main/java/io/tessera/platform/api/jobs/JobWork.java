package io.tessera.platform.api.jobs;

/** The work of a job. It runs on a job thread as the caller who submitted it. */
@FunctionalInterface
public interface JobWork {

    /**
     * Does the work, reporting progress as it goes.
     *
     * @return a one-sentence summary stored as the job's message
     * @throws Exception any failure: the job ends FAILED with the error's message
     */
    String run(JobProgress progress) throws Exception;
}
