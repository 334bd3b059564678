package eu.infosharing.governance.membership;

import eu.infosharing.governance.api.Paging;
import eu.infosharing.governance.organisation.Organisation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/memberships")
@Tag(name = "Memberships", description = "Memberships with their status history and open work; "
        + "a representative sees only its own organisation's")
public class MembershipController {

    private final MembershipService memberships;
    private final TaskService taskService;

    public MembershipController(MembershipService memberships, TaskService taskService) {
        this.memberships = memberships;
        this.taskService = taskService;
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    @Operation(summary = "A membership: its status, the history of every transition, and its open tasks")
    public MembershipView get(@PathVariable Long id) {
        Membership m = memberships.getVisible(id);
        return view(m, true);
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "Memberships, filtered by status and arrangement code, newest application first, a page at a "
            + "time (page from 0, size up to 500; the total in X-Total-Count, the other pages in the Link header)")
    public ResponseEntity<List<MembershipView>> search(@RequestParam(required = false) MembershipStatus status,
                                                       @RequestParam(required = false) String arrangement,
                                                       @RequestParam(required = false) Integer page,
                                                       @RequestParam(required = false) Integer size) {
        return Paging.answer(memberships.search(status, arrangement, Paging.of(page, size)), m -> view(m, false));
    }

    private MembershipView view(Membership m, boolean details) {
        Organisation o = m.getOrganisation();
        List<HistoryEntry> history = details ? m.getHistory().stream()
                .map(h -> new HistoryEntry(h.getFromStatus(), h.getToStatus(), h.getChangedAt(), h.getActor(), h.getReason()))
                .toList() : null;
        List<OpenTask> open = details && m.getProcessInstanceId() != null ? taskService.createTaskQuery()
                .processInstanceId(m.getProcessInstanceId()).orderByTaskCreateTime().asc().list().stream()
                .map(this::openTask).toList() : null;
        return new MembershipView(m.getId(), m.getStatus(),
                new OrganisationSummary(o.getId(), o.getLegalName(), o.displayIdentifiers()),
                m.getArrangement().getCode(), m.getArrangement().getName(), m.getAppliedAt(), m.getValidatedAt(),
                m.getClosedReason(), m.getProcessInstanceId(), history, open);
    }

    private OpenTask openTask(Task t) {
        List<String> groups = taskService.getIdentityLinksForTask(t.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId()).toList();
        return new OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), groups, t.getAssignee(),
                t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant());
    }

    public record MembershipView(Long id, MembershipStatus status, OrganisationSummary organisation,
                                 String arrangementCode, String arrangementName, Instant appliedAt, Instant validatedAt,
                                 String closedReason, String processInstanceId, List<HistoryEntry> history,
                                 List<OpenTask> openTasks) {
    }

    public record OrganisationSummary(Long id, String legalName, String identifiers) {
    }

    public record HistoryEntry(MembershipStatus from, MembershipStatus to, Instant at, String actor, String reason) {
    }

    public record OpenTask(String id, String taskDefinitionKey, String name, List<String> candidateGroups,
                           String assignee, Instant created, Instant due) {
    }
}
