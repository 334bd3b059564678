package eu.infosharing.governance.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Who organises the arrangements, as every notification letter and evidence pack names it for a supervisor: its name,
 * postal address and contact point ({@code governance.organiser.*}). The defaults name the Cyber Security Coalition,
 * which runs the Focus Groups; set the full postal address before going live.
 */
@Component
@ConfigurationProperties(prefix = "governance.organiser")
public class OrganiserSettings {

    private String name = "Cyber Security Coalition";
    private String address = "Brussels, Belgium";
    private String contactPoint = "Focus Group coordination, info@cybersecuritycoalition.be";

    public LetterContent.Organiser organiser() {
        return new LetterContent.Organiser(name, address, contactPoint);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getContactPoint() {
        return contactPoint;
    }

    public void setContactPoint(String contactPoint) {
        this.contactPoint = contactPoint;
    }
}
