package eu.infosharing.governance.bench;

import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.process.AnnualReviewProcess;
import eu.infosharing.governance.revision.AnnualReviewService;
import eu.infosharing.governance.support.EmbeddedPostgresConfiguration;
import eu.infosharing.governance.support.Members;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * What one job acquisition costs as the timers waiting in the engine grow: an annual-review timer per membership, two
 * per member during a rules revision. Each size is seeded by copying a real annual-review timer (the same job
 * definition and handler, a distinct root instance each, due dates spread over the coming year), then the engine's own
 * acquisition command (AcquireJobsCmd, what every job executor thread on every node runs in a loop) is timed with the
 * engine's default query and with its acquisition by due date ({@code jobExecutorAcquireByDueDate} with
 * {@code ensureJobDueDateNotNull}), each without and with the index on the due date that the product creates
 * ({@code JobDueDateIndex}). Prints p50 and p95; asserts nothing about time.
 *
 * <p>Run: {@code mvn -Pbench verify -Dit.test=JobAcquisitionBench -Dbench.sizes=1000,10000,100000}.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class JobAcquisitionBench {

    private static final int WARM_UP = 5;
    private static final int ROUNDS = 40;

    @Autowired
    Members members;
    @Autowired
    AnnualReviewService annualReviews;
    @Autowired
    ManagementService management;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void acquisitionAtEachNumberOfWaitingTimers() throws IOException {
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.sizes", "1000,10000").split(","))
                .map(String::strip).map(Integer::valueOf).sorted().toList();
        Membership m = members.activeMember("CIDR", "Timer Template Energy", Nis2Status.ESSENTIAL, Nis2Sector.ENERGY, null,
                Language.en, NotificationMode.SEND_ON_BEHALF);
        annualReviews.schedule(m);
        Job template = management.createJobQuery().processDefinitionKey(AnnualReviewProcess.KEY).timers().list().get(0);
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // the product creates the index at startup (JobDueDateIndex); the bench compares without and with it
        Integer shipped = jdbc.queryForObject("select count(*) from pg_indexes where indexname = 'gov_idx_job_duedate'",
                Integer.class);
        if (shipped == null || shipped != 1) {
            throw new IllegalStateException("The product did not create its index on the jobs' due date");
        }

        StringBuilder table = new StringBuilder("| waiting timers | acquisition | p50 ms | p95 ms |\n|---:|---|---:|---:|\n");
        int seeded = 0;
        for (int size : sizes) {
            long start = System.nanoTime();
            seeded += copies(template.getId(), seeded, size - seeded);
            jdbc.execute("analyze ACT_RU_JOB");
            System.out.printf(Locale.ROOT, "seeded %d timers in %.1f s%n", size, (System.nanoTime() - start) / 1e9);
            jdbc.execute("drop index if exists GOV_IDX_JOB_DUEDATE");
            row(table, size, "engine default query, no index", configuration, false);
            row(table, size, "by due date, no index", configuration, true);
            jdbc.execute("create index if not exists GOV_IDX_JOB_DUEDATE on ACT_RU_JOB(DUEDATE_)");
            jdbc.execute("analyze ACT_RU_JOB");
            row(table, size, "engine default query, index on DUEDATE_ (shipped)", configuration, false);
            row(table, size, "by due date, index on DUEDATE_", configuration, true);
        }
        jdbc.execute("drop index if exists GOV_IDX_JOB_DUEDATE");
        System.out.println(table);
        Path out = Path.of("target", "bench", "job-acquisition.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString());
    }

    /** Copies of the template timer, each its own root instance, due over the coming year. */
    private int copies(String templateId, int from, int count) {
        jdbc.update("""
                insert into ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, EXECUTION_ID_, ROOT_PROC_INST_ID_, PROCESS_INSTANCE_ID_,
                    PROCESS_DEF_ID_, PROCESS_DEF_KEY_, RETRIES_, DUEDATE_, HANDLER_TYPE_, HANDLER_CFG_, DEPLOYMENT_ID_,
                    SUSPENSION_STATE_, JOB_DEF_ID_, PRIORITY_, SEQUENCE_COUNTER_, CREATE_TIME_)
                select 'bench-timer-' || g, 1, j.TYPE_, j.EXCLUSIVE_, 'bench-execution-' || g, 'bench-root-' || g,
                    'bench-root-' || g, j.PROCESS_DEF_ID_, j.PROCESS_DEF_KEY_, j.RETRIES_,
                    now() + ((1 + g % 365) || ' days')::interval, j.HANDLER_TYPE_, j.HANDLER_CFG_, j.DEPLOYMENT_ID_,
                    1, j.JOB_DEF_ID_, j.PRIORITY_, 1, now()
                from ACT_RU_JOB j, generate_series(?, ?) g where j.ID_ = ?
                """, from + 1, from + count, templateId);
        return count;
    }

    private void row(StringBuilder table, int size, String label, ProcessEngineConfigurationImpl configuration,
                     boolean byDueDate) {
        configuration.setJobExecutorAcquireByDueDate(byDueDate);
        configuration.setEnsureJobDueDateNotNull(byDueDate);
        try {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < WARM_UP + ROUNDS; i++) {
                long t = System.nanoTime();
                // a job that is due (none of the copies is) is locked by the first round and skipped by the others
                configuration.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(configuration.getJobExecutor()));
                if (i >= WARM_UP) {
                    times.add((System.nanoTime() - t) / 1e6);
                }
            }
            Collections.sort(times);
            double p50 = times.get(times.size() / 2);
            double p95 = times.get((int) Math.ceil(times.size() * 0.95) - 1);
            System.out.printf(Locale.ROOT, "%7d timers  %-40s p50 %7.2f ms  p95 %7.2f ms%n", size, label, p50, p95);
            table.append(String.format(Locale.ROOT, "| %,d | %s | %.2f | %.2f |%n", size, label, p50, p95));
        } finally {
            configuration.setJobExecutorAcquireByDueDate(false);
            configuration.setEnsureJobDueDateNotNull(false);
        }
    }
}
