// The IPC channel names, shared by main and the preload (which must not pull in main's code).
export const INVOKE_CHANNEL = 'dogear:invoke'
export const EVENT_CHANNEL = 'dogear:event'
/** The preload's only other call: a token for a file dropped on the window. */
export const GRANT_FILE_CHANNEL = 'dogear:grant-file'
