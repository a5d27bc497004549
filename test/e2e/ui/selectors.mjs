// Every workbench selector the UI tests use, in one place (VS Code 1.100 web workbench). When a VS
// Code update changes the DOM, this is the file to fix.
export const sel = {
  workbench: '.monaco-workbench',
  activityBar: '.part.activitybar',
  /** An activity-bar button; its aria-label starts with the view container's title. */
  activityButton: (title) => `.part.activitybar .action-item:has(> .action-label[aria-label^="${title}"])`,
  /** The side-bar pane of an extension's view container (`contributes.viewsContainers` id). */
  viewContainer: (containerId) => `[id="workbench.view.extension.${containerId}"]`,
  treeRows: (containerId) => `[id="workbench.view.extension.${containerId}"] .monaco-list-row`,
  /** A view's welcome content (viewsWelcome) inside the container. */
  welcomeView: (containerId) => `[id="workbench.view.extension.${containerId}"] .welcome-view-content`,
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget input',
  quickInputRows: '.quick-input-widget .monaco-list-row',
  focusedQuickInputRow: '.quick-input-widget .monaco-list-row.focused',
  editor: '.editor-instance .monaco-editor',
  activeTab: '.tabs-container .tab.active',
  editorLines: '.editor-instance .monaco-editor .view-lines .view-line',
  codeLens: '.editor-instance .monaco-editor .codelens-decoration',
  squiggleWarning: '.editor-instance .monaco-editor .squiggly-warning',
  squiggleError: '.editor-instance .monaco-editor .squiggly-error',
  squiggleAny: '.editor-instance .monaco-editor :is(.squiggly-warning, .squiggly-error, .squiggly-info)',
  hover: '.monaco-hover:not(.hidden)',
  actionWidget: '.action-widget',
  actionRows: '.action-widget .monaco-list-row.action',
  focusedActionRow: '.action-widget .monaco-list-row.action.focused',
  problemsPanel: '.markers-panel',
  problemRows: '.markers-panel .monaco-list-row',
  problemsStatus: '[id="status.problems"]',
  problemsFilter: '.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input',
  statusBarItem: (id) => `[id="${id}"]`,
  statusBar: '.part.statusbar',
  statusBarItems: '.part.statusbar .statusbar-item',
  notifications: '.notifications-toasts .notification-toast',
  dialog: '.monaco-dialog-box',
};
