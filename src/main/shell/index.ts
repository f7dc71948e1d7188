// Placeholder replaced by the shell implementation.
export {};
