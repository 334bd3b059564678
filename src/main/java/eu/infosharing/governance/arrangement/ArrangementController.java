package eu.infosharing.governance.arrangement;

import eu.infosharing.governance.organisation.ParticipantType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/arrangements")
@Tag(name = "Arrangements", description = "The information-sharing arrangements an organisation can apply to")
public class ArrangementController {

    private final ArrangementRepository arrangements;

    public ArrangementController(ArrangementRepository arrangements) {
        this.arrangements = arrangements;
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "List the arrangements with their conditions for participation and current rules of conduct")
    public List<ArrangementView> list() {
        return arrangements.findAllByOrderByNameAsc().stream().map(ArrangementView::of).toList();
    }

    public record ArrangementView(String code, String name, String description, int requiredSponsors,
                                  boolean admitsDirectCompetitors, String operationalPlatform,
                                  List<ParticipantType> admittedParticipantTypes, RulesView currentRules) {

        static ArrangementView of(Arrangement a) {
            RulesOfConductVersion r = a.getCurrentRules();
            return new ArrangementView(a.getCode(), a.getName(), a.getDescription(), a.getRequiredSponsors(),
                    a.isAdmitsDirectCompetitors(), a.getOperationalPlatform(),
                    a.getAdmittedParticipantTypes().stream().sorted().toList(),
                    r == null ? null : new RulesView(r.getVersionLabel(), r.getEffectiveFrom(), r.getBody()));
        }
    }

    public record RulesView(String version, LocalDate effectiveFrom, String text) {
    }
}
