package eu.infosharing.governance.privacy;

import eu.infosharing.governance.api.Paging;
import eu.infosharing.governance.organisation.ContactDetails;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/data-subject-requests")
@Tag(name = "Data-subject requests")
public class DataSubjectRequestController {

    private final DataSubjectRequestService requests;

    public DataSubjectRequestController(DataSubjectRequestService requests) {
        this.requests = requests;
    }

    public record RequestInput(String kind, Long organisationId, String subjectName, String subjectEmail, String details) {
    }

    /** What the one who brought the request learns: its reference and when it is due. */
    public record Receipt(String reference, String kind, String status, Instant receivedAt, LocalDate dueDate) {
    }

    public record RequestView(Long id, String reference, String kind, Long organisationId, String organisation,
                              String subjectName, String subjectEmail, String details, String receivedVia, String requestedBy,
                              Instant receivedAt, LocalDate dueDate, String extendedBy, String extensionReason, String status,
                              String outcome, String outcomeReason, String answeredBy, Instant answeredAt,
                              String processInstanceId) {
    }

    public record Export(RequestView request, List<ContactDetails> contactRecords,
                         List<DataSubjectRequestService.Finding> holdings) {
    }

    @PostMapping
    @Operation(summary = "A representative brings a data-subject request (GDPR Art. 15, 16, 17) about a contact person of "
            + "its own organisation, or the DPO records one received by mail: 201 with its reference and due date (one "
            + "month, Art. 12(3)); 400 naming fields (an e-mail that is not a contact of the caller's organisation), 403 for "
            + "others")
    public ResponseEntity<Receipt> submit(@RequestBody RequestInput input) {
        DataSubjectRequest r = requests.submit(new DataSubjectRequestService.Submission(input.kind(), input.organisationId(),
                input.subjectName(), input.subjectEmail(), input.details()));
        return ResponseEntity.created(URI.create("/api/data-subject-requests/" + r.getId()))
                .body(new Receipt(r.getReference(), r.getKind().name(), r.getStatus().name(), r.getReceivedAt(), r.getDueDate()));
    }

    @GetMapping
    @Operation(summary = "The DPO: every data-subject request, newest first, a page at a time (page from 0, size up to "
            + "500; the total in X-Total-Count, the other pages in the Link header); 403 for others")
    public ResponseEntity<List<RequestView>> list(@RequestParam(required = false) Integer page,
                                                  @RequestParam(required = false) Integer size) {
        return Paging.answer(requests.list(Paging.of(page, size)), DataSubjectRequestController::view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "The DPO: one request; 403 for others")
    public RequestView get(@PathVariable Long id) {
        return view(requests.get(id));
    }

    @GetMapping("/{id}/export.json")
    @Operation(summary = "The DPO: everything held about the person (our tables and the engine's history): the contact "
            + "records and every stored value that holds one of the person's values; 403 for others")
    public Export exportJson(@PathVariable Long id) {
        return new Export(view(requests.get(id)), requests.contactRecords(id), requests.findings(id));
    }

    @GetMapping(value = "/{id}/export.csv", produces = "text/csv")
    @Operation(summary = "The DPO: the same export as CSV, one stored value per line; 403 for others")
    public ResponseEntity<byte[]> exportCsv(@PathVariable Long id) {
        DataSubjectRequest r = requests.get(id);
        StringBuilder csv = new StringBuilder("table,column,row,value\r\n");
        for (ContactDetails c : requests.contactRecords(id)) {
            csv.append(String.join(",", cell("contact record"), cell(""), cell(""), cell(c.display()))).append("\r\n");
        }
        for (DataSubjectRequestService.Finding f : requests.findings(id)) {
            csv.append(String.join(",", cell(f.table()), cell(f.column()), cell(f.row()), cell(f.text()))).append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(r.getReference() + ".csv").build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static RequestView view(DataSubjectRequest r) {
        return new RequestView(r.getId(), r.getReference(), r.getKind().name(), r.getOrganisation().getId(),
                r.getOrganisation().getLegalName(), r.getSubjectName(), r.getSubjectEmail(), r.getDetails(),
                r.getReceivedVia().name(), r.getRequestedBy(), r.getReceivedAt(), r.getDueDate(), r.getExtendedBy(),
                r.getExtensionReason(), r.getStatus().name(), r.getOutcome() == null ? null : r.getOutcome().name(),
                r.getOutcomeReason(), r.getAnsweredBy(), r.getAnsweredAt(), r.getProcessInstanceId());
    }

    /** RFC 4180, and no cell a spreadsheet would run as a formula. */
    private static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
