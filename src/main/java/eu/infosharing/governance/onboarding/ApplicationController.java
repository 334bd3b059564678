package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.membership.Membership;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/applications")
@Tag(name = "Applications", description = "Apply to join an information-sharing arrangement")
public class ApplicationController {

    private final ApplicationService applications;

    public ApplicationController(ApplicationService applications) {
        this.applications = applications;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit an application; starts the membership-onboarding process",
            responses = {
                    @ApiResponse(responseCode = "201", description = "Application stored and onboarding started"),
                    @ApiResponse(responseCode = "400", description = "Invalid input: every bad field is named; nothing is stored"),
                    @ApiResponse(responseCode = "403", description = "You do not represent this organisation"),
                    @ApiResponse(responseCode = "409", description = "The organisation already has a pending or active membership of the arrangement")})
    public ResponseEntity<Submitted> submit(@RequestBody ApplicationRequest request) {
        Membership m = applications.submit(request);
        return ResponseEntity.created(URI.create("/api/memberships/" + m.getId()))
                .body(new Submitted(m.getId(), m.getStatus().name(), m.getProcessInstanceId()));
    }

    public record Submitted(Long id, String status, String processInstanceId) {
    }
}
