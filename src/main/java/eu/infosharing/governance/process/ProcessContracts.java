package eu.infosharing.governance.process;

import java.util.List;
import java.util.Optional;

/** Every model's contract: the trust boundary looks a process up here by its key. */
public final class ProcessContracts {

    public static final List<ProcessContract> ALL = List.of(OnboardingProcess.CONTRACT, CessationProcess.CONTRACT,
            NotificationProcess.CONTRACT, RulesRevisionProcess.CONTRACT, RulesAcceptanceProcess.CONTRACT,
            AnnualReviewProcess.CONTRACT,
            AuthoritySearchProcess.CONTRACT, AcknowledgementProcess.CONTRACT, DataSubjectRequestProcess.CONTRACT,
            AccountRequestProcess.CONTRACT);

    private ProcessContracts() {
    }

    public static Optional<ProcessContract> byKey(String processDefinitionKey) {
        return ALL.stream().filter(c -> c.key().equals(processDefinitionKey)).findFirst();
    }
}
