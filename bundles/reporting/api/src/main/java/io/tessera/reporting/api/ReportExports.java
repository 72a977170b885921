package io.tessera.reporting.api;

import io.tessera.platform.api.Page;
import io.tessera.platform.api.jobs.Job;

/**
 * Exports (申请下载): a report or a record list, every row the query selects, as a job writing a CSV (UTF-8 with a
 * byte order mark, so Excel shows Chinese) or XLSX (streamed, constant memory) file; the job's progress is polled at
 * {@code /jobs/{id}}, its file downloaded from {@code /jobs/{id}/result} until it expires (etc/io.tessera.jobs.cfg).
 */
public interface ReportExports {

    /** The job type of every reporting export. */
    String JOB_TYPE = "reporting.export";

    /** A report as the caller would see it, with the same filters and store scope; format "csv" (default) or "xlsx". */
    Job export(ReportKind report, ReportQuery query, String format);

    /** A bill's differences (HQ, finance), of a state or all. */
    Job exportDifferences(long billId, DifferenceState state, String format);

    /** The caller's own exports, newest first (我的下载). */
    Page<Job> mine(int page, int size);
}
