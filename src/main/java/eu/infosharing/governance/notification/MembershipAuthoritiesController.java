package eu.infosharing.governance.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/memberships/{id}")
@Tag(name = "Competent authorities")
public class MembershipAuthoritiesController {

    private final MembershipAuthorities service;

    public MembershipAuthoritiesController(MembershipAuthorities service) {
        this.service = service;
    }

    @GetMapping("/authorities")
    @Operation(summary = "The authorities this membership notifies: decided, overridden, effective")
    public AuthoritiesView get(@PathVariable Long id) {
        return AuthoritiesView.of(service.of(id));
    }

    @PostMapping("/authority-overrides")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A coordinator adds or removes an authority for this membership, with a reason")
    public AuthoritiesView override(@PathVariable Long id, @RequestBody MembershipAuthorities.OverrideRequest request) {
        return AuthoritiesView.of(service.override(id, request));
    }

    public record AuthoritiesView(List<CompetentAuthorityService.Determination> determined, List<OverrideView> overrides,
                                  List<CompetentAuthorityService.Determination> effective) {

        static AuthoritiesView of(MembershipAuthorities.View v) {
            return new AuthoritiesView(v.determined(), v.overrides().stream()
                    .map(o -> new OverrideView(o.getAuthorityCode(), o.getAction().name(), o.getReason(), o.getActor(),
                            o.getDecidedAt())).toList(), v.effective());
        }
    }

    public record OverrideView(String authorityCode, String action, String reason, String actor, Instant decidedAt) {
    }
}
