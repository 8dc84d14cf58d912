// The two IPC channel names, shared by main and the preload (which must not pull in main's code).
export const INVOKE_CHANNEL = 'dogear:invoke'
export const EVENT_CHANNEL = 'dogear:event'
