// Placeholder: imports run here, off the main thread.
export {}
