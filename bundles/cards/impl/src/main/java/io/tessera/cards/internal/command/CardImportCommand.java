package io.tessera.cards.internal.command;

import io.tessera.platform.api.console.ConsoleAction;
import io.tessera.cards.api.CardImport;
import io.tessera.cards.api.CardImportService;
import io.tessera.platform.api.jobs.Job;
import io.tessera.platform.api.jobs.JobService;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

@Service
@Command(scope = "card", name = "import", description = "Imports a legacy CRM export (CSV or XLSX) of stored-value cards, "
        + "showing the job's progress; the same file twice does nothing the second time")
public class CardImportCommand extends ConsoleAction {

    @Reference
    private CardImportService imports;

    @Reference
    private JobService jobs;

    @Argument(index = 0, name = "file", required = true, description = "Path of the CSV or XLSX file")
    @Completion(FileCompleter.class)
    private String file;

    @Option(name = "-c", aliases = "--charset", description = "Character set of a CSV (default: UTF-8, or GB18030 when not UTF-8)")
    private String charset;

    @Option(name = "-b", aliases = "--background", description = "Start the job and return; follow it with platform:jobs")
    private boolean background;

    @Override
    protected Object run() throws Exception {
        Path path = Paths.get(file);
        CardImport imp;
        try (InputStream in = Files.newInputStream(path)) {
            imp = imports.startImport(path.getFileName().toString(), in, charset);
        }
        if (imp.duplicate) {
            System.out.println("This file was already imported (import " + imp.id + ", " + imp.status + "): nothing to do.");
            return null;
        }
        System.out.println("Import " + imp.id + " started as job " + imp.jobId);
        if (background) {
            return null;
        }
        Job job;
        do {
            Thread.sleep(1000);
            job = jobs.get(imp.jobId);
            System.out.println("  " + job.status + (job.percent == null ? "" : " " + job.percent + "%") + " " + job.counters);
        } while (!job.status.finished());
        System.out.println(job.message);
        CardImport done = imports.getImport(imp.id);
        if (done.rejected > 0) {
            System.out.println("Rejected rows: card:import-rejects " + done.id);
        }
        return null;
    }
}
