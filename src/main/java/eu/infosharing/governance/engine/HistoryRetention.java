package eu.infosharing.governance.engine;

import eu.infosharing.governance.identity.Privileged;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's history as long as the law asks for the evidence, and no longer: every deployed process and
 * decision gets the configured time to live, and the engine's history cleanup removes what is older in its nightly
 * window (camunda.bpm.generic-properties: history-cleanup-batch-window-*).
 */
@Component
public class HistoryRetention {

    private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final int days;

    public HistoryRetention(RepositoryService repositoryService, IdentityService identityService,
                            @Value("${governance.audit.history-retention:P10Y}") Period retention) {
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        LocalDate today = LocalDate.now();
        this.days = (int) ChronoUnit.DAYS.between(today, today.plus(retention));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void apply() {
        Privileged.run(identityService, () -> {
            int changed = 0;
            for (var p : repositoryService.createProcessDefinitionQuery().list()) {
                if (p.getHistoryTimeToLive() == null || p.getHistoryTimeToLive() != days) {
                    repositoryService.updateProcessDefinitionHistoryTimeToLive(p.getId(), days);
                    changed++;
                }
            }
            for (var d : repositoryService.createDecisionDefinitionQuery().list()) {
                if (d.getHistoryTimeToLive() == null || d.getHistoryTimeToLive() != days) {
                    repositoryService.updateDecisionDefinitionHistoryTimeToLive(d.getId(), days);
                    changed++;
                }
            }
            if (changed > 0) {
                log.info("History time to live set to {} days on {} process and decision definition(s)", days, changed);
            }
        });
    }

    public int days() {
        return days;
    }
}
