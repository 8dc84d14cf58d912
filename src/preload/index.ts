// Placeholder: exposes window.dogear built from the shared contract.
export {}
