/** What the Data safety panel needs to know about the browser it runs in. */
export interface PlatformFacts {
  readonly userAgent: string;
  readonly maxTouchPoints: number;
  /** True when running as an installed app (display-mode standalone or iOS navigator.standalone). */
  readonly isStandalone: boolean;
}

/**
 * True on iOS/iPadOS Safari outside an installed app, where Safari may erase site data after 7 days
 * without a visit. iPadOS reports a Mac user agent, so a Mac with a touch screen counts as iOS.
 */
export function isIosBrowserTab({ userAgent, maxTouchPoints, isStandalone }: PlatformFacts): boolean {
  if (isStandalone) return false;
  const isIos = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
  return isIos;
}

/** Reads the facts from the live browser. */
export function currentPlatform(): PlatformFacts {
  const navigatorStandalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return {
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints,
    isStandalone: navigatorStandalone || window.matchMedia('(display-mode: standalone)').matches,
  };
}
