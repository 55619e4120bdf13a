// Mediatafel's Tasklist configuration (Camunda's supported webapp customisation; replaces the webjar's default).
// Dutch first, English as fallback for any missing label; the browser language picks between them.
export default {
  app: {
    name: 'Tasklist',
    vendor: 'Mediatafel'
  },
  dateFormat: {
    normal: 'D MMMM YYYY HH:mm',
    long: 'dddd D MMMM YYYY HH:mm'
  },
  // Dutch validation messages for Camunda Forms (form-js only has English ones)
  customScripts: ['scripts/dutch-form-messages.js'],
  locales: {
    availableLocales: ['nl', 'en'],
    fallbackLocale: 'en'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'neemt de geselecteerde taak op u'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'zet de focus op het eerste filter'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'zet de focus op de eerste taak in de lijst'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'zet de focus op het eerste veld van het taakformulier'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opent het venster om een proces te starten'
    }
  }
};
