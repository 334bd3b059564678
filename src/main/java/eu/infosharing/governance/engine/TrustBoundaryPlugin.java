package eu.infosharing.governance.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link TrustBoundary} first in the engine's command chains, outside the transaction (a refused command
 * never opens one, so it changes nothing), then {@link StartFormSchemas}, and makes every decision form open empty
 * ({@link DecisionFieldsReset}); adds what task forms show when they are read, inside the command
 * ({@link TaskFormContexts}); checks authorizations without scanning every organisation's group
 * ({@link OwnGroupsAuthorizationManager}).
 */
@Component
public class TrustBoundaryPlugin extends AbstractProcessEnginePlugin {

    /** Looked up when a start form is read, not when the engine is built: they use services that use the engine. */
    private final ObjectProvider<StartFormPersonaliser> personalisers;
    private final ObjectProvider<TaskFormContext> taskFormContexts;

    public TrustBoundaryPlugin(ObjectProvider<StartFormPersonaliser> personalisers,
                               ObjectProvider<TaskFormContext> taskFormContexts) {
        this.personalisers = personalisers;
        this.taskFormContexts = taskFormContexts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(first(new TrustBoundary(configuration),
                startForms(), configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(first(new TrustBoundary(configuration),
                startForms(), configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
        configuration.setCustomPostCommandInterceptorsTxRequired(last(taskForms(),
                configuration.getCustomPostCommandInterceptorsTxRequired()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(last(taskForms(),
                configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
        List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        parseListeners.add(new DecisionFieldsReset());
        configuration.setCustomPostBPMNParseListeners(parseListeners);
        List<SessionFactory> sessionFactories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        sessionFactories.add(new OwnGroupsAuthorizationManager.Factory());
        configuration.setCustomSessionFactories(sessionFactories);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        OwnGroupsAuthorizationManager.refuseExistingRevokes(engine.getAuthorizationService());
    }

    private StartFormSchemas startForms() {
        return new StartFormSchemas(() -> personalisers.orderedStream().toList());
    }

    private TaskFormContexts taskForms() {
        return new TaskFormContexts(() -> taskFormContexts.orderedStream().toList());
    }

    private static List<CommandInterceptor> last(CommandInterceptor interceptor, List<CommandInterceptor> others) {
        List<CommandInterceptor> chain = others == null ? new ArrayList<>() : new ArrayList<>(others);
        chain.add(interceptor);
        return chain;
    }

    private static List<CommandInterceptor> first(CommandInterceptor boundary, CommandInterceptor startForms,
                                                  List<CommandInterceptor> others) {
        List<CommandInterceptor> chain = new ArrayList<>();
        chain.add(boundary);
        chain.add(startForms);
        if (others != null) {
            chain.addAll(others);
        }
        return chain;
    }
}
