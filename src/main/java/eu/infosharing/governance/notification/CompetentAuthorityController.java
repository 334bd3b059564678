package eu.infosharing.governance.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/authorities")
@Tag(name = "Competent authorities", description = "Authorities that members notify of their participation")
public class CompetentAuthorityController {

    private final CompetentAuthorityService service;

    public CompetentAuthorityController(CompetentAuthorityService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "The competent authorities with their channel, languages and deadline")
    public List<AuthorityView> list() {
        return service.list().stream().map(AuthorityView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a competent authority that no rule names yet (administrators only)",
            description = "A coordinator can then name it for a membership; a new version of the competent-authorities "
                    + "decision table, deployed from Camunda Modeler, can select it (see the README).")
    public AuthorityView create(@RequestBody CompetentAuthorityService.NewAuthority body) {
        return AuthorityView.of(service.create(body));
    }

    @PutMapping("/{code}")
    @Operation(summary = "Change an authority's channel, languages, deadline or use (administrators only)")
    public AuthorityView configure(@PathVariable String code, @RequestBody CompetentAuthorityService.AuthorityConfiguration body) {
        return AuthorityView.of(service.configure(code, body));
    }

    public record AuthorityView(String code, String name, String country, String regime, String channel,
                                String channelAddress, List<String> languages, String deadline, boolean active) {

        static AuthorityView of(CompetentAuthority a) {
            return new AuthorityView(a.getCode(), a.getName(), a.getCountry(), a.getRegime().name(), a.getChannel().name(),
                    a.getChannelAddress(), a.getLanguages(), a.getDeadline(), a.isActive());
        }
    }
}
