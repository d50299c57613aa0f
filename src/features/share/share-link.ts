/**
 * What the Share button does: the system share sheet where there is one (phones), otherwise
 * copying the link. Takes the navigator as a parameter so tests can pass a fake.
 */

/** What pressing Share came to: the UI shows the copy result; a share sheet speaks for itself. */
export type ShareOutcome = 'shared' | 'cancelled' | 'copied' | 'copy-refused';

/** The parts of `navigator` the Share action uses; any may be missing (desktop, insecure origin). */
export interface ShareNavigator {
  readonly share?: (data: ShareData) => Promise<void>;
  readonly canShare?: (data: ShareData) => boolean;
  readonly clipboard?: { readonly writeText: (text: string) => Promise<void> };
}

export interface ShareLink {
  readonly title: string;
  readonly text: string;
  readonly url: string;
}

const isAbort = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'name' in error && error.name === 'AbortError';

/** Opens the share sheet, or copies the link when there is none (or it refuses the link). */
export async function shareOrCopy(nav: ShareNavigator, link: ShareLink): Promise<ShareOutcome> {
  if (nav.share && nav.canShare?.({ url: link.url }) !== false) {
    try {
      await nav.share({ title: link.title, text: link.text, url: link.url });
      return 'shared';
    } catch (error) {
      // The user closing the sheet is a choice, not a failure. Any other refusal (no share target,
      // no user activation) falls through to copying, so the button still does something useful.
      if (isAbort(error)) return 'cancelled';
    }
  }
  try {
    if (!nav.clipboard) return 'copy-refused';
    await nav.clipboard.writeText(link.url);
    return 'copied';
  } catch {
    return 'copy-refused';
  }
}
