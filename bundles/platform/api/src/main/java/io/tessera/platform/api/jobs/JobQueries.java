package io.tessera.platform.api.jobs;

import io.tessera.platform.api.Page;

/** The caller's own jobs (a downloads list: 我的下载), whatever roles they hold. */
public interface JobQueries {

    /** The jobs the caller submitted, of a type (null: any), newest first. */
    Page<Job> mine(String type, int page, int size);
}
