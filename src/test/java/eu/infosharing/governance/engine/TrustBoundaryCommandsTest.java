package eu.infosharing.governance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import eu.infosharing.governance.engine.TrustBoundary.Treatment;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;

/**
 * Every command class of the Camunda engine on the classpath, sorted the way the trust boundary treats it when a
 * person (not an administrator) sends it. Writes must never pass as reads, and the writes a person may send at all
 * are exactly the reviewed list: an engine upgrade that adds a command fails here until someone decides.
 */
class TrustBoundaryCommandsTest {

    /** Names that say a command changes something. */
    private static final Pattern WRITING = Pattern.compile("^(Set|Save|Delete|Create(?!\\w*Query)|Update|Add|Remove|Patch|"
            + "Correlate|Signal|Execute(?!Filter|Duration)|Suspend|Activate|Modify|Migrate|Restart|Resolve|Submit|Complete|Claim|"
            + "Assign|Delegate|Handle|Unlock|Lock|Deploy|Register|Unregister|Purge|Start|Report|Evaluate|Fetch|Extend|"
            + "Telemetry|HistoryCleanup|Recalculate|Message|Close|Terminate|Disable|Reenable|ManualStart)\\w*");

    @Test
    void noCommandThatWritesPassesAsARead() throws Exception {
        Map<String, Treatment> commands = engineCommands();
        assertThat(commands).hasSizeGreaterThan(300);
        List<String> writesTakenForReads = commands.entrySet().stream()
                .filter(e -> e.getValue() == Treatment.READ)
                .map(Map.Entry::getKey).filter(name -> !simple(name).contains("Query") && WRITING.matcher(simple(name)).matches())
                .toList();
        assertThat(writesTakenForReads).isEmpty();
    }

    @Test
    void theWritesAPersonMaySendAreTheReviewedOnes() throws Exception {
        List<String> ruled = engineCommands().entrySet().stream().filter(e -> e.getValue() == Treatment.RULED)
                .map(e -> simple(e.getKey())).sorted().toList();
        assertThat(ruled).containsExactlyInAnyOrderElementsOf(TrustBoundary.RULED);
        // and the rest of the writes are refused, e.g. those the attacks of issue 12 used
        Map<String, Treatment> commands = new TreeMap<>();
        engineCommands().forEach((name, treatment) -> commands.put(simple(name), treatment));
        for (String refused : List.of("SetTaskVariablesCmd", "SetExecutionVariablesCmd", "PatchTaskVariablesCmd",
                "CorrelateMessageCmd", "SignalEventReceivedCmd", "ModifyProcessInstanceCmd", "StartProcessInstanceAtActivitiesCmd",
                "DeployCmd", "SetJobDuedateCmd", "HandleTaskBpmnErrorCmd", "DeleteProcessInstanceCmd", "SuspendProcessInstanceCmd",
                "EvaluateStartConditionCmd", "SetVariablesToProcessInstancesBatchCmd", "UnlockUserCmd")) {
            assertThat(commands.get(refused)).as(refused).isEqualTo(Treatment.REFUSED);
        }
    }

    private static String simple(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }

    /** Every concrete command class in the engine's jar, with its treatment. */
    private static Map<String, Treatment> engineCommands() throws IOException, ClassNotFoundException {
        File jar = new File(Command.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Map<String, Treatment> commands = new TreeMap<>();
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar)) {
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements();) {
                String entry = e.nextElement().getName();
                if (entry.endsWith(".class") && entry.startsWith("org/camunda/bpm/engine/impl/") && !entry.contains("/test/")) {
                    names.add(entry.replace('/', '.').substring(0, entry.length() - ".class".length()));
                }
            }
        }
        for (String name : names) {
            Class<?> type;
            try {
                type = Class.forName(name, false, TrustBoundaryCommandsTest.class.getClassLoader());
            } catch (LinkageError e) {
                continue; // a class for an optional library that is not here (it cannot run here either)
            }
            if (Command.class.isAssignableFrom(type) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
                commands.put(name, TrustBoundary.treatment(type));
            }
        }
        return commands;
    }
}
