/*
 * Arrangement Governance's configuration of Camunda Tasklist (7.24), served in place of the webjar's own
 * app/tasklist/scripts/config.js (our classes come first on the class path). Tasklist's own options only:
 * https://docs.camunda.org/manual/7.24/webapps/tasklist/configuration/
 */
export default {
  // Arrangement Governance's own script (scripts/start-form-errors.js): a form refused by the server shows its one
  // message under the field it names instead of piling alerts up at the top of the dialog
  customScripts: ['scripts/start-form-errors'],

  // Tasklist's interface follows the browser's language among the translations Camunda ships with Tasklist
  // (English and German); any other language (Dutch, French) gets English. Our task forms and task names are
  // in English whatever the browser's language.
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  },

  // Camunda's default shortcuts, kept as they were
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
