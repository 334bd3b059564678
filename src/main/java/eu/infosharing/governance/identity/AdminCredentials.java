package eu.infosharing.governance.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The rules a production administrator's password must meet; shared by the startup check and its tests. */
public final class AdminCredentials {

    public static final int MIN_LENGTH = 12;

    private static final Set<String> COMMON = Set.of("password", "passw0rd", "admin", "administrator", "camunda",
            "changeme", "welcome", "letmein", "qwerty", "azerty", "123456", "governance", "secret");

    private AdminCredentials() {
    }

    /** Why the pair may not be used, or an empty list when it may. */
    public static List<String> problems(String user, String password) {
        List<String> problems = new ArrayList<>();
        if (user == null || user.isBlank()) {
            problems.add("GOVERNANCE_ADMIN_USER is not set");
        }
        if (password == null || password.isBlank()) {
            problems.add("GOVERNANCE_ADMIN_PASSWORD is not set");
            return problems;
        }
        passwordRules(user, password).forEach(p -> problems.add("GOVERNANCE_ADMIN_PASSWORD " + p));
        return problems;
    }

    /**
     * Why a password may not be used by this user, each as the words after the password's name ("is too short: at least
     * 12 characters"); empty when it may. The same rules for the production administrator and for a newcomer who sets
     * their first password.
     */
    public static List<String> passwordRules(String user, String password) {
        List<String> problems = new ArrayList<>();
        if (password.length() < MIN_LENGTH) {
            problems.add("is too short: at least " + MIN_LENGTH + " characters");
        }
        int classes = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        // Camunda's password policy, on in prod for every later user, asks for all four as well
        if (classes < 4) {
            problems.add("must contain lower case, upper case, a digit and a symbol");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (user != null && !user.isBlank() && lower.contains(user.toLowerCase(Locale.ROOT))) {
            problems.add("must not contain the user name");
        }
        if (COMMON.stream().anyMatch(lower::contains)) {
            problems.add("contains a common password");
        }
        return problems;
    }
}
