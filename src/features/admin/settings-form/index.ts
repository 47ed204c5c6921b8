export { focusFirstError } from './first-error';
export { SettingsSaveBar } from './settings-save-bar';
export { SettingsSection } from './settings-section';
export { UnsavedChangesDialog } from './unsaved-changes-dialog';
export { hasUnsavedChanges, requestLeave } from './unsaved-changes';
export { useSettingsForm, type SettingsForm } from './use-settings-form';
