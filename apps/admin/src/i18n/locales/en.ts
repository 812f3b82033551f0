import type { zhCN } from './zh-cn';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const en: Messages<typeof zhCN> = {
  app: {
    name: 'Kindred',
    tagline: 'Care coordination for left-behind children',
  },
  language: {
    label: 'Language',
    'zh-CN': '中文',
    en: 'English',
  },
  header: {
    logout: 'Log out',
  },
  login: {
    title: 'Sign in to Kindred',
    subtitle: 'Where NGOs, volunteers and donors work together',
    fields: {
      login: 'Account (phone or e-mail)',
      loginPlaceholder: 'Phone number or e-mail',
      password: 'Password',
      passwordPlaceholder: 'Your password',
    },
    validation: {
      loginRequired: 'Please enter your phone number or e-mail',
      passwordRequired: 'Please enter your password',
    },
    submit: 'Sign in',
    failed: 'Sign-in failed',
  },
  dashboard: {
    dashboard: 'Dashboard',
    title: 'Dashboard',
    subtitle: 'Your organisation at a glance',
    stats: {
      openNeeds: 'Open needs',
      activeVolunteers: 'Active volunteers this month',
      verifiedHours: 'Verified hours',
      pledgedAmount: 'Pledged',
    },
    placeholder: 'Figures coming soon',
  },
  live: {
    label: 'Live connection',
    status: {
      idle: 'Not connected',
      connecting: 'Connecting',
      connected: 'Connected',
      reconnecting: 'Reconnecting',
      offline: 'Disconnected',
      unauthorized: 'Authorisation lost',
    },
  },
  errors: {
    network: 'Network error, please try again later',
    requestFailed: 'Request failed',
    unauthorized: 'Your session has ended, please sign in again',
    sessionEnded: 'Your session has ended, please sign in again',
  },
  buttons: {
    create: 'Create',
    save: 'Save',
    logout: 'Log out',
    delete: 'Delete',
    edit: 'Edit',
    cancel: 'Cancel',
    confirm: 'Are you sure?',
    filter: 'Filter',
    clear: 'Clear',
    refresh: 'Refresh',
    show: 'Show',
    undo: 'Undo',
    import: 'Import',
    clone: 'Clone',
    notAccessTitle: "You don't have permission to access",
  },
  warnWhenUnsavedChanges: 'Are you sure you want to leave? You have unsaved changes.',
  notifications: {
    success: 'Successful',
    error: 'Error (status code: {{statusCode}})',
    undoable: 'You have {{seconds}} seconds to undo',
    createSuccess: 'Successfully created {{resource}}',
    createError: 'There was an error creating {{resource}} (status code: {{statusCode}})',
    editSuccess: 'Successfully edited {{resource}}',
    editError: 'Error when editing {{resource}} (status code: {{statusCode}})',
    deleteSuccess: 'Successfully deleted {{resource}}',
    deleteError: 'Error when deleting {{resource}} (status code: {{statusCode}})',
    importProgress: 'Importing: {{processed}}/{{total}}',
  },
  loading: 'Loading',
  actions: {
    list: 'List',
    create: 'Create',
    edit: 'Edit',
    show: 'Show',
  },
  table: {
    actions: 'Actions',
  },
  pages: {
    error: {
      info: 'You may have forgotten to add the {{action}} component to the {{resource}} resource.',
      '404': 'Sorry, the page you visited does not exist.',
      resource404: 'Are you sure you have created the {{resource}} resource?',
      backHome: 'Back home',
    },
  },
  autoSave: {
    success: 'Saved',
    error: 'Auto-save failed',
    loading: 'Saving…',
    idle: 'Waiting for changes',
  },
};
