package io.tessera.platform.api.jobs;

import java.nio.file.Path;

/** What a running job tells its pollers. Cheap to call often: values are published, not written, per call. */
public interface JobProgress {

    /** The size of the work (rows, bytes...) once known. */
    void total(long units);

    /** How much of {@link #total} is done. */
    void done(long units);

    /** Sets a named counter, e.g. "read", "accepted", "rejected". */
    void counter(String name, long value);

    /**
     * A file for the job's result, offered for download when the job succeeds. The job writes it;
     * the platform keeps it with the job.
     */
    Path resultFile(String fileName, String contentType);
}
