package eu.infosharing.governance.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Adapts a Camunda Forms start form to the person who opens it, before Tasklist (or any client of engine REST's
 * {@code deployed-start-form}) shows it. Camunda 7.24 gives a start form no variables (Tasklist asks for a task's
 * variables only), so what the product knows of the person's organisation can only reach the form through its schema:
 * default values, the choices it may make. What it then submits is checked on the server as ever; this is a
 * convenience, never a permission.
 */
public interface StartFormPersonaliser {

    /** The id of the form (its {@code "id"} in the .form file) this adapts. */
    String formId();

    /** Changes the schema in place for the current user (the engine's current authentication). */
    void personalise(ObjectNode schema);
}
