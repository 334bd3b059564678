package eu.infosharing.governance.organisation;

/** A contact person's details, normalised (PGP fingerprint as 40 upper-case hex digits). */
public record ContactDetails(String name, String email, String phone, String pgpFingerprint) {

    public String display() {
        return name + " <" + email + ">, " + phone + (pgpFingerprint == null ? "" : ", PGP " + pgpFingerprint);
    }
}
