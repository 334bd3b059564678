package eu.infosharing.governance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.transaction.annotation.Transactional;

/**
 * The package rules a maintainer relies on (docs/adr/0005-feature-packages.md), checked on the compiled product:
 * packages form no cycle, the audit package only reads, and the beans the models name (the *Delegates
 * configurations) reach data through our services, never through repositories or SQL of their own.
 */
@AnalyzeClasses(packages = "eu.infosharing.governance", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String PRODUCT = "eu.infosharing.governance";

    /** Each top-level package of the product is a slice; a cycle ties features so none can change alone. */
    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching(PRODUCT + ".(*)..").should().beFreeOfCycles();

    /** Nothing is built on the read side: it may disappear or be moved to a reporting node without breaking a step. */
    @ArchTest
    static final ArchRule nothingDependsOnTheAuditReadSide = noClasses().that().resideOutsideOfPackage(PRODUCT + ".audit..")
            .should().dependOnClassesThat().resideInAPackage(PRODUCT + ".audit..");

    /** Auditors change nothing, and neither does the code that serves them. */
    @ArchTest
    static final ArchRule theAuditReadSideWritesNothing = noClasses().that().resideInAPackage(PRODUCT + ".audit..")
            .should().callMethodWhere(writes())
            .because("the audit package is a read side: it calls only queries of repositories, the engine and our services");

    /** A model's delegate or listener is a thin adapter: the work and the data stay in the feature's services. */
    @ArchTest
    static final ArchRule delegatesCallServicesOnly = noClasses().that().haveSimpleNameEndingWith("Delegates")
            .should().dependOnClassesThat(dataAccess())
            .because("delegates and listeners call one service method; services own repositories, SQL and mail");

    /**
     * The README's table of package dependencies is what a newcomer reads first: it must say what the code does. Each
     * row's "uses" is compared with the packages the row's classes actually use (api and process left out).
     */
    @ArchTest
    static void theReadmeShowsThePackageDependenciesAsTheyAre(JavaClasses classes) throws IOException {
        Map<String, Set<String>> actual = new TreeMap<>();
        for (JavaClass c : classes) {
            String from = topPackage(c.getPackageName());
            if (from == null) {
                continue;
            }
            Set<String> uses = actual.computeIfAbsent(from, k -> new TreeSet<>());
            c.getDirectDependenciesFromSelf().stream().map(d -> topPackage(d.getTargetClass().getPackageName()))
                    .filter(to -> to != null && !to.equals(from) && !to.equals("api") && !to.equals("process"))
                    .forEach(uses::add);
        }
        Map<String, Set<String>> documented = new TreeMap<>();
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("| package | uses");
        assertThat(start).as("README: the table of package dependencies").isPositive();
        String table = readme.substring(start, readme.indexOf("\n\n", start));
        Matcher row = Pattern.compile("(?m)^\\| ((?:`\\w+`(?:, )?)+) \\| ([^|]*) \\|$").matcher(table);
        while (row.find()) {
            Set<String> uses = new TreeSet<>(names(row.group(2)));
            names(row.group(1)).forEach(p -> documented.put(p, uses));
        }
        actual.keySet().removeAll(Set.of("api", "process"));
        documented.keySet().removeAll(Set.of("api", "process"));
        assertThat(documented).as("README, package dependencies").isEqualTo(actual);
    }

    /** The product's top-level package a class is in (null outside the product or for the application class). */
    private static String topPackage(String packageName) {
        if (!packageName.startsWith(PRODUCT + ".")) {
            return null;
        }
        String rest = packageName.substring(PRODUCT.length() + 1);
        return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
    }

    private static List<String> names(String cell) {
        List<String> names = new ArrayList<>();
        Matcher name = Pattern.compile("`(\\w+)`").matcher(cell.replaceAll("\\(.*\\)", ""));
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    /** Repositories, raw SQL access and the mail gateway, which only services use. */
    static DescribedPredicate<JavaClass> dataAccess() {
        return DescribedPredicate.describe("repositories, SQL access or the mail gateway", c ->
                c.isAssignableTo(org.springframework.data.repository.Repository.class)
                        || c.isAssignableTo(eu.infosharing.governance.mail.MailGateway.class)
                        || c.isAssignableTo(JdbcOperations.class) || c.isAssignableTo(NamedParameterJdbcOperations.class)
                        || c.isAssignableTo(DataSource.class) || c.isAssignableTo("jakarta.persistence.EntityManager"));
    }

    /**
     * A call that changes state: a repository's save or delete, SQL other than a query, an engine service's command
     * (anything but its queries and getters), or one of our methods that runs in a read-write transaction.
     */
    static DescribedPredicate<JavaMethodCall> writes() {
        return DescribedPredicate.describe("changes state", call -> {
            JavaClass owner = call.getTargetOwner();
            String name = call.getName();
            if (owner.isAssignableTo(org.springframework.data.repository.Repository.class)) {
                return !startsWithAny(name, "find", "count", "exists", "get", "search", "read", "stream", "query");
            }
            if (owner.isAssignableTo(JdbcOperations.class) || owner.isAssignableTo(NamedParameterJdbcOperations.class)) {
                return !name.startsWith("query");
            }
            if (owner.getPackageName().equals("org.camunda.bpm.engine") && owner.getSimpleName().endsWith("Service")) {
                return !(name.startsWith("get") || name.startsWith("create") && name.endsWith("Query"));
            }
            if (owner.getPackageName().startsWith(PRODUCT)) {
                return call.getTarget().resolveMember().map(ArchitectureTest::readWriteTransaction).orElse(false);
            }
            return false;
        });
    }

    private static boolean readWriteTransaction(Object member) {
        if (!(member instanceof JavaMethod method)) {
            return false;
        }
        Optional<Transactional> onMethod = method.tryGetAnnotationOfType(Transactional.class);
        Optional<Transactional> onClass = method.getOwner().tryGetAnnotationOfType(Transactional.class);
        return onMethod.or(() -> onClass).map(t -> !t.readOnly()).orElse(false);
    }

    private static boolean startsWithAny(String name, String... prefixes) {
        return List.of(prefixes).stream().anyMatch(name::startsWith);
    }
}
