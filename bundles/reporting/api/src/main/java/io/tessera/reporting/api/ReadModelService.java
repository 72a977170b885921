package io.tessera.reporting.api;

import io.tessera.platform.api.jobs.Job;

/**
 * The read model the reports answer from: kept from the payments' and wallets' events as they happen, and rebuilt
 * from those domains (their feeds, never their tables) when a report is added or changed. Headquarters only.
 */
public interface ReadModelService {

    /** Empties the read model and fills it again from the source domains, as a job (one at a time). */
    Job rebuild();

    ReadModelStatus status();
}
