package eu.infosharing.governance.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** The product's address as people reach it ({@code governance.public-url}), for the links in mails and task forms. */
@Component("publicLinks")
@ConfigurationProperties(prefix = "governance")
public class PublicLinks {

    /** Where users reach the product, without a trailing slash. */
    /** The member's status page (the organisation's memberships and applications). */
    public static final String MEMBER_STATUS_PATH = "/my-organisation";

    private String publicUrl = "http://localhost:8080";

    /** Tasklist, where the person a mail is written to finds its task. */
    public String tasklist() {
        return to("/camunda/app/tasklist/");
    }

    /** The member's status page of one membership: where it stands, who has it, what the member must do. */
    public String memberStatus(Long membershipId) {
        return to(MEMBER_STATUS_PATH + "/memberships/" + membershipId);
    }

    /** A path of the product (starting with a slash) as a link. */
    public String to(String path) {
        return publicUrl + path;
    }

    public String getPublicUrl() {
        return publicUrl;
    }

    public void setPublicUrl(String publicUrl) {
        this.publicUrl = publicUrl;
    }
}
