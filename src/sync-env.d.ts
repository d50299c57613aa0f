interface ImportMetaEnv {
  /** The sync server's ws:// or wss:// URL, from FLIPDECK_SYNC_URL at build time; '' when sync is not built in. */
  readonly FLIPDECK_SYNC_URL: string;
}
