/** The one IPC channel between preload and main (no 'electron' import: the preload bundles it). */
export const INVOKE_CHANNEL = 'gardien:invoke';
