package eu.infosharing.governance.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps an exception thrown by a task listener in "ENGINE-03051 There was an exception while invoking
 * the TaskListener...". When the cause is a form validation error of ours, this interceptor hands that error out
 * unwrapped, so engine REST answers 400 and Tasklist shows the person just the sentence that names the field.
 * It sits outside the transaction interceptor: the transaction has already rolled back.
 */
@Component
public class FormErrorPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new UnwrapFormErrors());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static final class UnwrapFormErrors extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (RuntimeException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof FormFieldValidationException formError) {
                        throw formError;
                    }
                    if (t.getCause() == t) {
                        break;
                    }
                }
                throw e;
            }
        }
    }
}
