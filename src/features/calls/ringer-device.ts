const KEY = 'switchboard.ringerDevice';

/** The output the ringtone plays on ('' = the same as the call audio). Kept in this browser, like the other devices. */
export function ringerDevice(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string {
  return storage?.getItem(KEY) ?? '';
}

export function setRingerDevice(
  deviceId: string,
  storage: Pick<Storage, 'setItem' | 'removeItem'> = globalThis.localStorage,
): void {
  if (deviceId) storage.setItem(KEY, deviceId);
  else storage.removeItem(KEY);
}
