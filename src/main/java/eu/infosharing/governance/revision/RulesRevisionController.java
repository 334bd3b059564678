package eu.infosharing.governance.revision;

import eu.infosharing.governance.arrangement.RulesOfConductVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Rules of conduct")
public class RulesRevisionController {

    private final RulesRevisionService revisions;

    public RulesRevisionController(RulesRevisionService revisions) {
        this.revisions = revisions;
    }

    public record RevisionView(Long id, String arrangement, String versionLabel, LocalDate effectiveFrom, String changeSummary) {
    }

    @PostMapping("/api/arrangements/{code}/rules-revisions")
    @Operation(summary = "Coordinators publish a new version of the rules: every active member is asked to accept it "
            + "before the effective date, or is suspended and then lapses")
    public ResponseEntity<RevisionView> publish(@PathVariable String code, @RequestBody RulesRevisionService.Publication publication) {
        RulesOfConductVersion v = revisions.publish(code, publication);
        return ResponseEntity.created(URI.create("/api/arrangements/" + v.getArrangement().getCode()))
                .body(new RevisionView(v.getId(), v.getArrangement().getCode(), v.getVersionLabel(), v.getEffectiveFrom(),
                        v.getChangeSummary()));
    }
}
