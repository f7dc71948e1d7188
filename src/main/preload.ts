import { contextBridge, ipcRenderer } from 'electron';
import { isOperationName } from '../shared/contract/operations';
import type { GardienApi } from '../shared/api';

/** The renderer's only door to the core: named operations from the contract, nothing else. */
const api: GardienApi = {
  invoke: (op, input) => {
    if (!isOperationName(op)) return Promise.reject(new Error(`unknown operation ${String(op)}`));
    return ipcRenderer.invoke('gardien:invoke', op, input);
  },
};

contextBridge.exposeInMainWorld('gardien', api);
