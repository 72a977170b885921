package io.tessera.platform.api.jobs;

import java.nio.file.Path;

/** The file a finished job produced. */
public final class JobResult {

    public final Path file;
    public final String fileName;
    public final String contentType;

    public JobResult(Path file, String fileName, String contentType) {
        this.file = file;
        this.fileName = fileName;
        this.contentType = contentType;
    }
}
